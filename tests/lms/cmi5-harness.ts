import { startLms } from '../../src/lms/start.ts';
import type { KeyValueStore } from '../../src/save/storage.ts';
import { memoryStore } from '../../src/save/storage.ts';
import { createCensusService } from '../../src/workers/census-service.ts';
import type { TestLrs } from '../fixtures/cmi5/lrs.ts';
import { FakeWorker } from '../workers/fake-worker.ts';
import { bundled, makeStore } from './harness.ts';

/** What build:cmi5 bakes into a package: its own names, not SCORM's (its --keep is "first" unless said). */
export const cmi5Env = (scenario: string, pass = 50, keep = 'first') => ({
  VITE_TOW_LMS_FORMAT: 'cmi5',
  VITE_TOW_CMI5_SCENARIO: scenario,
  VITE_TOW_CMI5_PASS: String(pass),
  VITE_TOW_CMI5_SEED: 'pkg1',
  VITE_TOW_CMI5_KEEP: keep,
});

// The cmi5 package launched in Node: the game's real store and the real AU code, talking
// with Node's fetch to the test LMS/LRS (tests/fixtures/cmi5/lrs.ts) over loopback. The
// page is a window with the launch address, two storages and the pagehide event.

/** localStorage or sessionStorage: a browser's, kept across launches when the test says so. */
export function browserStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    keys: () => [...m.keys()],
  };
}

export interface Device {
  /** the game's own saves */
  saves: KeyValueStore;
  local: ReturnType<typeof browserStorage>;
}

export const newDevice = (): Device => ({ saves: memoryStore(true), local: browserStorage() });

export async function launchCmi5(
  query: string,
  {
    scenario = 'tutorial',
    pass = 40,
    keep = 'first',
    device = newDevice(),
    tab = browserStorage(),
  } = {},
) {
  const listeners: (() => void)[] = [];
  /** where the page was sent (location.assign) */
  const navigatedTo: string[] = [];
  const win = {
    location: { search: query, assign: (url: string) => void navigatedTo.push(url) },
    localStorage: device.local,
    sessionStorage: tab,
    fetch: (input: string, init?: RequestInit) => fetch(input, init),
    addEventListener: (type: string, fn: () => void) => {
      if (type === 'pagehide') listeners.push(fn);
    },
    parent: null,
    opener: null,
  };
  const store = makeStore(device.saves);
  const census = createCensusService({ createWorker: () => new FakeWorker() });
  const attached = await startLms(
    win as never,
    store,
    bundled,
    cmi5Env(scenario, pass, keep),
    census,
  );
  const notices = () =>
    store
      .getState()
      .notices.map((n) => `${n.tone}: ${n.text}`)
      .join('\n');
  return {
    store,
    attached,
    device,
    tab,
    notices,
    navigatedTo,
    hide: () => {
      for (const fn of listeners) fn();
    },
    reported: () => attached?.settled() ?? Promise.resolve(),
  };
}

/** waits until the LRS has received these verbs (and no more than asked for came) */
export async function until(lrs: TestLrs, check: () => boolean, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end)
      throw new Error(
        `the LRS got ${JSON.stringify(lrs.verbs())}; rejected ${JSON.stringify(lrs.rejected.map((r) => r.reason))}`,
      );
    await new Promise((r) => setTimeout(r, 25));
  }
}
