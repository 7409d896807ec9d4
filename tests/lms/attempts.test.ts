import { describe, expect, it } from 'vitest';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { census } from '../../src/sim/index.ts';
import { answerKeyState } from '../../src/store/answer-key.ts';
import { anotherTryCounts } from '../../src/store/attempts-left.ts';
import { nextSteps } from '../../src/ui/debrief/next-steps.ts';
import { createCensusService } from '../../src/workers/census-service.ts';
import { FakeWorker } from '../workers/fake-worker.ts';
import { bundled, launch, makeLms, makeStore, playPath } from './harness.ts';

// Attempts that count in a SCORM package: with --keep best each attempt the debrief offers
// is reported when it beats the last, and the answer key stays closed while one remains;
// a package built with --keep first and more attempts (before the build refused that)
// offers the rest as practice, never as attempts.

const scenario = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
const PASS = 50;
const labels = (s: ReturnType<ReturnType<typeof makeStore>['getState']>) =>
  nextSteps(s.context, null).steps.map((step) => step.label);
const fakeCensus = () => createCensusService({ createWorker: () => new FakeWorker() });

describe('a SCORM package of two attempts that keeps the best', () => {
  it('reports both attempts, keeps the better one and opens the key only after attempt 2', async () => {
    const lms = makeLms();
    const a = await launch(lms, scenario.id, makeStore(), PASS, 'best', fakeCensus(), 2);
    const store = a.store;
    const { best, worst } = census(scenario, a.attached!.seed);
    playPath(store, worst.choices);
    await a.reported();
    const failedWith = String(fairScoreOf(scenario, store.getState().sim!).grade);
    expect(lms.cmi.core.lesson_status).toBe('failed');
    expect(lms.cmi.core.score.raw).toBe(failedWith);
    // attempt 1 of 2: "yet", the next attempt offered as one, the answer key closed
    expect(store.getState().context).toMatchObject({ attempts: 2, attempt: 1 });
    expect(anotherTryCounts(store.getState(), Date.now())).toBe(true);
    expect(labels(store.getState())[0]).toBe('Start attempt 2 of 2');
    expect(answerKeyState(store.getState(), Date.now())).toBe('attempts-left');

    store.getState().replayMarket(); // "Start attempt 2 of 2"
    expect(store.getState().context).toMatchObject({ kind: 'assignment', attempt: 2 });
    // the package binds one market to each learner: attempt 2 replays it
    expect(store.getState().sim!.seed).toBe(a.attached!.seed);
    playPath(store, best.choices);
    await a.reported();
    const bestWith = String(fairScoreOf(scenario, store.getState().sim!).grade);
    expect(Number(bestWith)).toBeGreaterThan(Number(failedWith));
    expect(lms.cmi.core.lesson_status).toBe('passed');
    expect(lms.cmi.core.score.raw).toBe(bestWith);
    // the last attempt, its result with the LMS: the key opens, and only practice is left
    expect(answerKeyState(store.getState(), Date.now())).toBeNull();
    expect(labels(store.getState())).toEqual(['Play this market again (practice, not graded)']);
  });
});

describe('a SCORM package built with --keep first and --attempts 2 before builds refused it', () => {
  it('counts one attempt: no "yet", practice offered, the key open once the result is in', async () => {
    const lms = makeLms();
    const a = await launch(lms, scenario.id, makeStore(), PASS, 'first', fakeCensus(), 2);
    const store = a.store;
    playPath(store, census(scenario, a.attached!.seed).worst.choices);
    await a.reported();
    expect(lms.cmi.core.lesson_status).toBe('failed');
    expect(store.getState().context).toMatchObject({ attempts: 1, attempt: 1 });
    expect(anotherTryCounts(store.getState(), Date.now())).toBe(false);
    expect(labels(store.getState())).toEqual(['Play this market again (practice, not graded)']);
    expect(answerKeyState(store.getState(), Date.now())).toBeNull();
  });
});
