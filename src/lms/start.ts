import type { ScenarioDef } from '../sim/index.ts';
import type { ApiHost } from './api.ts';
import { attachLms, type LmsAttachment, type LmsHost } from './attach.ts';
import { lmsConfig } from './config.ts';
import { connectLms } from './session.ts';

// The one call the app makes: inside an LMS, play the package's market and report to it;
// outside one (or when the page was opened with a workshop or assignment link), nothing.

export function startLms(
  win: ApiHost & Pick<Window, 'addEventListener'>,
  host: LmsHost,
  scenarios: readonly { scenario: ScenarioDef; hash: string }[],
  env: Record<string, string | boolean | undefined>,
): LmsAttachment | null {
  if (host.getState().context.kind !== 'practice') return null;
  const lms = connectLms(win);
  if (!lms) return null;
  const attached = attachLms(host, lms, lmsConfig(env), scenarios);
  // pagehide fires on close, reload and navigation, also where unload does not (mobile)
  win.addEventListener('pagehide', () => lms.finish());
  return attached;
}
