import { describe, expect, it } from 'vitest';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { NOT_SENT_NOTICE } from '../../src/lms/notices.ts';
import { NO_SCORM_LMS, NOT_STARTED_NOTICE, startLms } from '../../src/lms/start.ts';
import { decodeSuspend } from '../../src/lms/suspend.ts';
import { memoryStore } from '../../src/save/storage.ts';
import { census } from '../../src/sim/index.ts';
import { WELCOME_BACK } from '../../src/store/game-store.ts';
import { createCensusService } from '../../src/workers/census-service.ts';
import { FakeWorker } from '../workers/fake-worker.ts';
import { bundled, env, launch, makeLms, makeStore, playPath, relaunch } from './harness.ts';

// What a SCORM learner is told when their game cannot reach the LMS: the package opened
// without one, or the course frame reloaded alone (the LMS will not start a session it
// has closed); and what a relaunch after the last attempt promises.

const scenario = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
const texts = (store: ReturnType<typeof makeStore>) =>
  store
    .getState()
    .notices.map((n) => n.text)
    .join('\n');

const noLms = { parent: null, opener: null, addEventListener: () => {} };
const census0 = () => createCensusService({ createWorker: () => new FakeWorker() });

describe('a SCORM package opened with no LMS around it', () => {
  it('tells the learner their result cannot be reported, as the cmi5 package does', async () => {
    const store = makeStore();
    const attached = await startLms(noLms as never, store, bundled, env('tutorial'), census0());
    expect(attached).toBeNull();
    expect(texts(store)).toContain(NOT_STARTED_NOTICE(NO_SCORM_LMS));
  });

  it('the site itself (no package settings) says nothing', async () => {
    const store = makeStore();
    await startLms(noLms as never, store, bundled, {}, census0());
    expect(store.getState().notices).toEqual([]);
  });
});

describe('the course frame reloaded alone, and the LMS refuses to start again', () => {
  it('the game played on from this device is not shown as recorded, and the next launch sends it all', async () => {
    const device = memoryStore(true);
    const lms = makeLms();
    const a = await launch(lms, scenario.id, makeStore(device), 50, 'best', census0(), 2);
    const { best } = census(scenario, a.attached!.seed);
    playPath(a.store, best.choices.slice(0, 2));
    a.hide(); // the frame's page goes away: LMSFinish

    // the reloaded frame: the same LMS, which has closed this session
    const b = await launch(lms, scenario.id, makeStore(device), 50, 'best', census0(), 2);
    expect(b.attached).toBeNull();
    expect(texts(b.store)).toContain('The learning system did not start this session');
    // the learner resumes the assessed game from the title screen and finishes it
    b.store.getState().refreshSaves();
    const offer = b.store.getState().saves.find((o) => o.context.kind === 'assignment')!;
    b.store.getState().resume(offer.key);
    playPath(b.store, best.choices.slice(2));
    expect(b.store.getState().screen).toBe('debrief');
    expect(texts(b.store)).toContain(NOT_SENT_NOTICE);
    expect(lms.cmi.core.lesson_status).toBe('incomplete');

    // the next launch from the LMS, on this device: the result and the latest progress
    const next = relaunch(lms);
    const c = await launch(next, scenario.id, makeStore(device), 50, 'best', census0(), 2);
    await c.reported();
    const grade = fairScoreOf(scenario, c.store.getState().sim!);
    expect(next.cmi.core.lesson_status).toBe(grade.passed ? 'passed' : 'failed');
    expect(next.cmi.core.score.raw).toBe(String(grade.grade));
    const kept = decodeSuspend(
      next.cmi.suspend_data,
      new Map(bundled.map((s) => [s.scenario.id, s])),
    );
    expect(kept.ok && kept.progress.choices).toEqual(best.choices);
  });
});

describe('a relaunch after the last attempt of a package that keeps the best', () => {
  it('says no attempt is left and further games are practice, with no welcome back', async () => {
    const device = memoryStore(true);
    const lms = makeLms();
    const a = await launch(lms, scenario.id, makeStore(device), 50, 'best', census0(), 2);
    const { best, worst } = census(scenario, a.attached!.seed);
    playPath(a.store, worst.choices);
    await a.reported();
    a.store.getState().replayMarket(); // "Start attempt 2 of 2"
    playPath(a.store, best.choices);
    await a.reported();
    a.hide();

    const b = await launch(relaunch(lms), scenario.id, makeStore(device), 50, 'best', census0(), 2);
    const told = texts(b.store);
    expect(told).toContain(
      'you have no attempts left: any further game is practice and is not sent',
    );
    expect(told).not.toContain('replaces it');
    expect(told).not.toContain(WELCOME_BACK);
  });

  it('with an attempt left, says how many, and that a better game replaces the result', async () => {
    const device = memoryStore(true);
    const lms = makeLms();
    const a = await launch(lms, scenario.id, makeStore(device), 50, 'best', census0(), 2);
    playPath(a.store, census(scenario, a.attached!.seed).worst.choices);
    await a.reported();
    a.hide();
    const b = await launch(relaunch(lms), scenario.id, makeStore(device), 50, 'best', census0(), 2);
    expect(texts(b.store)).toContain('You have 1 attempt left: a better game replaces it');
  });
});
