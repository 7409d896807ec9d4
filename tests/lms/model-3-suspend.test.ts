import { describe, expect, it } from 'vitest';
import { traineeSeed } from '../../src/hr/binding.ts';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { packageSession } from '../../src/lms/attach.ts';
import { decodeSuspend, encodeSuspend } from '../../src/lms/suspend.ts';
import { memoryStore } from '../../src/save/storage.ts';
import { MODEL_VERSION, playChoices, underModel } from '../../src/sim/index.ts';
import { bundled, launch, makeLms, makeStore, playOn } from './harness.ts';

// Progress an LMS kept from a game model 3 played (before the update to model 4) goes on
// under model 3 on any device: the suspend data names the model, the game resumes on the
// scenario under model 3's rules, and its grade is model 3's fair score.

const { scenario, hash } = bundled.find((b) => b.scenario.quarters >= 6)!;
const shelf = new Map(bundled.map((b) => [b.scenario.id, b]));
const underThree = underModel(scenario, 3);
const seed = traineeSeed(packageSession(scenario.id), 'pkg1', 'emp-0042');
/** the first reply offered, two quarters running */
const twoQuarters: string[] = [];
for (let q = 0; q < 2; q++) {
  const waiting = playChoices(underThree, seed, twoQuarters).situationId;
  twoQuarters.push(scenario.situations.find((s) => s.id === waiting)!.choices[0]!.id);
}

/** suspend data as model 3's game kept it, two quarters in */
function keptByModel3(): string {
  const enc = encodeSuspend(underThree, {
    scenario: scenario.id,
    hash,
    seed,
    attempt: 1,
    choices: twoQuarters,
  });
  if (!enc.ok) throw new Error(enc.error);
  return enc.data;
}

describe('suspend data of model 3', () => {
  it('names model 3, and reads back as progress of model 3', () => {
    const data = keptByModel3();
    expect(JSON.parse(data).m).toBe(3);
    expect(decodeSuspend(data, shelf)).toEqual({
      ok: true,
      progress: { scenario: scenario.id, hash, seed, attempt: 1, choices: twoQuarters, model: 3 },
    });
    // a game of this model's names this model
    const now = encodeSuspend(scenario, {
      scenario: scenario.id,
      hash,
      seed,
      attempt: 1,
      choices: [],
    });
    expect(now.ok && JSON.parse(now.data).m).toBe(MODEL_VERSION);
  });

  it('resumes on a device that kept nothing under model 3, plays on, and is graded by model 3', async () => {
    const api = makeLms('emp-0042', keptByModel3());
    const commits: string[] = [];
    api.on('LMSCommit', () => commits.push(api.cmi.suspend_data));
    const { store, reported } = await launch(api, scenario.id, makeStore(memoryStore(true)));
    expect(store.getState().sim?.choices).toEqual(twoQuarters);
    expect(store.getState().entry?.scenario).toBe(underThree);
    playOn(store);
    await reported();
    // its progress is still kept as model 3's
    expect(commits.length).toBeGreaterThan(0);
    expect(commits.every((data) => JSON.parse(data).m === 3)).toBe(true);
    const sim = store.getState().sim!;
    expect(sim.situationId).toBeNull();
    expect(api.cmi.core.score.raw).toBe(String(fairScoreOf(underThree, sim).grade));
  });
});
