import * as scormAgain from 'scorm-again/scorm12';
import { saveBook } from '../../src/save/saves.ts';
import { type KeyValueStore, memoryStore } from '../../src/save/storage.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { createGameStore } from '../../src/store/game-store.ts';

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

/** The game's real store, on a device whose storage is `kv` (a fresh one by default). */
export function makeStore(kv: KeyValueStore = memoryStore(true)) {
  return createGameStore({
    scenarios: bundled,
    saves: saveBook(kv),
    newSeed: () => '7',
    now: () => 0,
  });
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
