import type { ScenarioDef } from '../../sim/index.ts';
import type { CensusService } from '../../workers/census-service.ts';
import type { LmsAttachment, LmsHost } from '../attach.ts';
import type { KeptStore } from './outbox.ts';

// A cmi5 package's start (loaded only in a package built with --format cmi5): connect to
// the LMS from the launch address, then play the package's market through attach.ts, as
// the SCORM package does, and terminate the session when the page goes away.

export interface Cmi5Window {
  location: { search: string; assign(url: string): void };
  localStorage?: KeptStore;
  sessionStorage?: KeptStore;
  fetch(input: string, init?: RequestInit): Promise<Response>;
  addEventListener(
    type: 'pagehide' | 'pageshow',
    listener: (event: { persisted?: boolean }) => void,
  ): void;
}

export type Cmi5Start = { ok: true; attached: LmsAttachment | null } | { ok: false; error: string };

/** The LMS's returnURL when it is a web address (never javascript: or the like), else null. */
export function returnAddress(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A storage the page may not touch (a sandboxed frame, a refusing browser) is none. */
function storage(win: Cmi5Window, which: 'localStorage' | 'sessionStorage'): KeptStore | null {
  try {
    return win[which] ?? null;
  } catch {
    return null;
  }
}

/** A version 4 UUID; crypto.randomUUID needs a secure page, getRandomValues does not. */
export function newUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export async function startCmi5(
  win: Cmi5Window,
  host: LmsHost,
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  env: Record<string, string | boolean | undefined>,
  census: CensusService,
): Promise<Cmi5Start> {
  // the launch checks use zod, which must not compile parsers: the page's CSP forbids eval
  const { config: zodConfig } = await import('zod');
  zodConfig({ jitless: true });
  const [{ connectCmi5 }, { attachLms }, { lmsConfig }] = await Promise.all([
    import('./connect.ts'),
    import('../attach.ts'),
    import('../config.ts'),
  ]);
  const tell = (tone: 'info' | 'warning' | 'error', text: string) =>
    host.getState().notify(tone, text);
  const connection = await connectCmi5(
    {
      search: win.location.search,
      kept: storage(win, 'localStorage'),
      launchMemo: storage(win, 'sessionStorage'),
    },
    lmsConfig(env),
    {
      fetch: (input, init) => win.fetch(input, init),
      now: () => Date.now(),
      newId: newUuid,
      tell,
      later: (ms, run) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
    },
  );
  if (!connection.ok) return connection;
  const { lms } = connection;
  const attached = attachLms(host, lms, connection.config, scenarios, census);
  // pagehide fires on close, reload and navigation, also where unload does not (mobile)
  win.addEventListener('pagehide', () => lms.finish());
  // back from the back-forward cache after pagehide: the session was terminated
  win.addEventListener('pageshow', (event) => {
    if (event.persisted) lms.reopened();
  });
  const back = returnAddress(lms.launchData?.returnURL);
  if (back) {
    // cmi5 10.2.6: on leaving, terminate, then take the learner to the LMS's returnURL
    host.getState().offerExit?.({
      label: 'Back to the course',
      leave: () => {
        lms.finish();
        const wait = new Promise((done) => setTimeout(done, 2000));
        void Promise.race([lms.closed(), wait]).then(() => win.location.assign(back));
      },
    });
  }
  return { ok: true, attached };
}
