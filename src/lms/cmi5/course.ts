import { xmlText } from '../manifest.ts';

// cmi5.xml, the course structure an LMS imports (cmi5 13 and 14.1): one course with one AU,
// the game. The AU passes on CompletedAndPassed by default (the learner finished a game and
// its fair score reached the pass mark); masteryScore is the pass mark as a fraction, so an
// LMS that judges the score itself agrees with the passed or failed the game sends.

export const CMI5_NS = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
export const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'] as const;
export type MoveOn = (typeof MOVE_ON)[number];

export interface CourseOptions {
  /** the course's IRI; the AU's is this with "/au" */
  id: string;
  title: string;
  description: string;
  /** the page the LMS launches, relative to cmi5.xml */
  url: string;
  passMark: number;
  moveOn: MoveOn;
}

const text = (s: string) => `<langstring lang="en">${xmlText(s)}</langstring>`;

export function courseXml(o: CourseOptions): string {
  const mastery = (o.passMark / 100).toFixed(2).replace(/\.?0+$/, '') || '0';
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="${CMI5_NS}">
  <course id="${xmlText(o.id)}">
    <title>${text(o.title)}</title>
    <description>${text(o.description)}</description>
  </course>
  <au id="${xmlText(`${o.id}/au`)}" moveOn="${o.moveOn}" masteryScore="${mastery}" launchMethod="AnyWindow">
    <title>${text(o.title)}</title>
    <description>${text(o.description)}</description>
    <url>${xmlText(o.url)}</url>
  </au>
</courseStructure>
`;
}
