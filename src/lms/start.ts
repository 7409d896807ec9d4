import type { ScenarioDef } from '../sim/index.ts';
import type { CensusService } from '../workers/census-service.ts';
import { type ApiHost, findApi } from './api.ts';
import type { LmsAttachment, LmsHost } from './attach.ts';
import type { Cmi5Window } from './cmi5/start.ts';
import { lmsFormat } from './config.ts';
import { NOT_SENT_NOTICE } from './notices.ts';

// The one call the app makes: inside an LMS, play the package's market and report to it;
// outside one (or when the page was opened with a workshop or assignment link), nothing.
// Only the API search is in the first chunk; the rest loads when an LMS is there.

export const NOT_STARTED_NOTICE = (why: string) =>
  `The learning system did not start this session (${why}), so your result cannot be reported to it. Close this window and open the course from the learning system again; if this message comes back, tell your trainer. Meanwhile you can play here for practice.`;

/** why a SCORM package opened with no LMS around it cannot report (opened from a file, a link) */
export const NO_SCORM_LMS = 'no learning system was found around this page';

/**
 * A package whose LMS would not start this session may still play the learner's assessed
 * game on from this device (the title screen's saved game): when such a game ends, the
 * learner is told its result has not reached the LMS, and how it will.
 */
export function warnUnreported(host: LmsHost): () => void {
  let told = false;
  const look = (s: ReturnType<LmsHost['getState']>) => {
    if (told || s.context.kind !== 'assignment' || !s.sim || s.sim.situationId !== null) return;
    told = true;
    s.notify('error', NOT_SENT_NOTICE);
  };
  const stop = host.subscribe(look);
  look(host.getState());
  return stop;
}

export async function startLms(
  win: ApiHost & Cmi5Window,
  host: LmsHost,
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  env: Record<string, string | boolean | undefined>,
  census: CensusService,
): Promise<LmsAttachment | null> {
  if (host.getState().context.kind !== 'practice') return null;
  if (env.VITE_TOW_LMS_FORMAT === 'cmi5') {
    // a cmi5 package: the LMS speaks through the launch address and an LRS, not a window API
    const { startCmi5 } = await import('./cmi5/start.ts');
    const started = await startCmi5(win, host, scenarios, env, census);
    if (started.ok) return started.attached;
    host.getState().notify('error', NOT_STARTED_NOTICE(started.error));
    warnUnreported(host);
    return null;
  }
  if (!findApi(win)) {
    // the site itself says nothing; a SCORM package opened without its LMS tells the
    // learner, as the cmi5 package does, that nothing they play here is reported
    if (lmsFormat(env) === 'scorm12') {
      host.getState().notify('error', NOT_STARTED_NOTICE(NO_SCORM_LMS));
      warnUnreported(host);
    }
    return null;
  }
  const [{ connectLms }, { attachLms }, { lmsConfig }] = await Promise.all([
    import('./session.ts'),
    import('./attach.ts'),
    import('./config.ts'),
  ]);
  const connection = connectLms(win);
  if (!connection) return null;
  if (!connection.ok) {
    // a learner who is not told would play an assessed game that nobody receives (the
    // course frame reloaded alone: the LMS will not start a session it has closed)
    host.getState().notify('error', NOT_STARTED_NOTICE(connection.error));
    warnUnreported(host);
    return null;
  }
  const { lms } = connection;
  const attached = attachLms(host, lms, lmsConfig(env), scenarios, census);
  // pagehide fires on close, reload and navigation, also where unload does not (mobile)
  win.addEventListener('pagehide', () => lms.finish());
  return attached;
}
