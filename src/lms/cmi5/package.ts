import { courseXml } from './course.ts';

// The files a cmi5 package adds to the built game (cmi5 14.1: cmi5.xml at the zip's root),
// and the one change its page needs: the LRS is wherever the LMS says at launch, usually
// another origin, so the page's Content-Security-Policy lets it connect to any https
// address (and to its own origin) instead of only its own.

export const CMI5_FORMAT = 'cmi5';

export const CMI5_CONNECT = "connect-src 'self' https:";

export interface Cmi5PackageOptions {
  id: string;
  title: string;
  description: string;
  passMark: number;
  /** the built index.html */
  index: Uint8Array;
}

export function cmi5Files(o: Cmi5PackageOptions): Record<string, Uint8Array> {
  const page = new TextDecoder().decode(o.index);
  if (!page.includes("connect-src 'self';"))
    throw new Error(
      'index.html has no "connect-src \'self\'" in its Content-Security-Policy to widen',
    );
  const xml = courseXml({
    id: o.id,
    title: o.title,
    description: o.description,
    url: 'index.html',
    passMark: o.passMark,
    moveOn: 'CompletedAndPassed',
  });
  const encode = (s: string) => new TextEncoder().encode(s);
  return {
    'cmi5.xml': encode(xml),
    'index.html': encode(page.replace("connect-src 'self';", `${CMI5_CONNECT};`)),
  };
}
