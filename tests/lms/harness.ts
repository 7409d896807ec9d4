import * as scormAgain from 'scorm-again/scorm12';
import { startLms } from '../../src/lms/start.ts';
import { saveBook } from '../../src/save/saves.ts';
import { type KeyValueStore, memoryStore } from '../../src/save/storage.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { createCensusService } from '../../src/workers/census-service.ts';
import { storeThatSaves } from '../store/helpers.ts';
import { FakeWorker } from '../workers/fake-worker.ts';

// its ESM build exports the class by name, its type declarations as the default
type Scorm12API = InstanceType<typeof scormAgain.default>;
const Scorm12API: typeof scormAgain.default =
  (scormAgain as unknown as { Scorm12API?: typeof scormAgain.default }).Scorm12API ??
  scormAgain.default;

export const bundled = loadBundledScenarios();

/** scorm-again as the LMS, with a learner and (optionally) what an earlier session kept. */
export function makeLms(learner = 'emp-0042', suspendData = '') {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  api.loadFromJSON({
    core: {
      student_id: learner,
      student_name: 'Doe, Jane',
      entry: suspendData ? 'resume' : 'ab-initio',
      lesson_status: suspendData ? 'incomplete' : 'not attempted',
    },
    suspend_data: suspendData,
  });
  return api;
}

/**
 * The next launch of the package, as an LMS makes it from what the last session left:
 * status, score and suspend data kept; entry "resume" only after exit=suspend (RTE 3.4.4).
 */
export function relaunch(previous: Scorm12API, learner = 'emp-0042') {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  const { core } = previous.cmi;
  api.loadFromJSON({
    core: {
      student_id: learner,
      student_name: 'Doe, Jane',
      entry: stored(previous, 'exit') === 'suspend' ? 'resume' : '',
      lesson_status: core.lesson_status,
      score: { raw: core.score.raw, min: core.score.min, max: core.score.max },
    },
    suspend_data: previous.cmi.suspend_data,
  });
  return api;
}

/** The game's real store, on a device whose storage is `kv` (a fresh one by default). */
export function makeStore(kv: KeyValueStore = memoryStore(true)) {
  return storeThatSaves({
    scenarios: bundled,
    saves: saveBook(kv),
    newSeed: () => '7',
    now: () => 0,
  });
}

/** Plays these choices from the briefing or the first quarter, as a player would. */
export function playPath(store: ReturnType<typeof makeStore>, choices: readonly string[]) {
  const s = () => store.getState();
  if (s().screen === 'briefing') s().beginQuarters();
  for (const c of choices) {
    s().choose(c);
    s().nextQuarter();
  }
}

/** Plays the current market to the end with the first option each time, like a player would. */
export function playOn(
  store: ReturnType<typeof makeStore>,
  quarters = Number.POSITIVE_INFINITY,
  offset = 0,
) {
  const s = () => store.getState();
  if (s().screen === 'briefing') s().beginQuarters();
  for (let q = 0; q < quarters && s().sim?.situationId; q++) {
    const sit = s().entry!.scenario.situations.find((x) => x.id === s().sim!.situationId)!;
    s().choose(sit.choices[(q + offset) % sit.choices.length]!.id);
    s().nextQuarter();
  }
}

/** A write-only element (exit, session_time) as the LMS stored it. */
export function stored(api: Scorm12API, element: 'exit' | 'session_time'): string {
  const core = api.cmi.core as unknown as { jsonString: boolean } & Record<string, string>;
  core.jsonString = true;
  try {
    return core[element]!;
  } finally {
    core.jsonString = false;
  }
}

/** A page inside an LMS frame: our window's parent carries the API. */
function page(api: unknown) {
  const listeners: (() => void)[] = [];
  const top = { API: api, parent: null as unknown };
  top.parent = top;
  return {
    win: {
      parent: top,
      opener: null,
      addEventListener: (type: string, fn: () => void) => {
        if (type === 'pagehide') listeners.push(fn);
      },
    },
    hide: () => {
      for (const fn of listeners) fn();
    },
  };
}

/** What build:scorm bakes into a package (its --keep is "first" unless said). */
export const env = (scenario: string, pass = 50, keep = 'first', attempts = 1) => ({
  VITE_TOW_SCORM_SCENARIO: scenario,
  VITE_TOW_SCORM_PASS: String(pass),
  VITE_TOW_SCORM_SEED: 'pkg1',
  VITE_TOW_SCORM_KEEP: keep,
  VITE_TOW_SCORM_ATTEMPTS: String(attempts),
});

/** The package, launched by the LMS `api` in a frame, with the game's store on a device. */
export async function launch(
  api: Scorm12API,
  scenario: string,
  store = makeStore(),
  pass = 50,
  keep = 'first',
  // the census worker as the page has it: the same handler, answering asynchronously
  census = createCensusService({ createWorker: () => new FakeWorker() }),
  attempts = 1,
) {
  const p = page(api);
  const attached = await startLms(
    p.win as never,
    store,
    bundled,
    env(scenario, pass, keep, attempts),
    census,
  );
  /** waits until every finished game so far has been judged and reported to the LMS */
  const reported = () => attached?.settled() ?? Promise.resolve();
  return { store, attached, hide: p.hide, reported };
}
