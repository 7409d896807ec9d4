import { describe, expect, it } from 'vitest';
import { traineeSeed } from '../../src/hr/binding.ts';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { findApi } from '../../src/lms/api.ts';
import { packageSession } from '../../src/lms/attach.ts';
import { connectLms } from '../../src/lms/session.ts';
import { decodeSuspend, encodeSuspend, SUSPEND_LIMIT } from '../../src/lms/suspend.ts';
import { sessionTime } from '../../src/lms/time.ts';
import { memoryStore } from '../../src/save/storage.ts';
import { census, MODEL_VERSION, playChoices } from '../../src/sim/index.ts';
import { createCensusService, ON_PAGE_NOTICE } from '../../src/workers/census-service.ts';
import { bundled, launch, makeLms, makeStore, playOn, playPath, stored } from './harness.ts';

const shelf = new Map(bundled.map((b) => [b.scenario.id, b]));

describe('SCORM 1.2 with scorm-again as the LMS', () => {
  it('finds the API in the window, a parent, or the opener', async () => {
    const api = makeLms();
    expect(findApi({ API: api })).toBe(api);
    const top = { API: api };
    expect(findApi({ parent: { parent: top } })).toBe(api);
    expect(findApi({ parent: null, opener: { parent: top } })).toBe(api);
    const hostile = {
      get API(): unknown {
        throw new DOMException('cross-origin', 'SecurityError');
      },
    };
    expect(findApi(hostile)).toBeNull();
    expect(connectLms({})).toBeNull();
  });

  it('a full game reports the fair score, passed or failed by the pass mark, and finishes', async () => {
    for (const { scenario } of bundled) {
      const api = makeLms();
      const times: string[] = [];
      api.on('LMSSetValue.cmi.core.session_time', (_el: string, v: string) => times.push(v));
      const { store, attached, hide, reported } = await launch(api, scenario.id, makeStore(), 50);
      expect(attached?.trainee).toBe('emp-0042');
      expect(store.getState().sim?.seed).toBe(
        traineeSeed(packageSession(scenario.id), 'pkg1', 'emp-0042'),
      );
      playOn(store);
      await reported();
      const sim = store.getState().sim!;
      expect(sim.situationId).toBeNull();
      const fair = fairScoreOf(scenario, sim);
      expect(api.cmi.core.score.raw).toBe(String(fair.grade));
      expect(api.cmi.core.lesson_status).toBe(fair.grade >= 50 ? 'passed' : 'failed');
      expect(stored(api, 'exit')).toBe('');
      hide();
      expect(api.isTerminated()).toBe(true);
      expect(times.at(-1)).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
      expect(stored(api, 'session_time')).not.toBe(''); // accepted by the LMS
      expect(api.LMSGetLastError()).toBe('0');
    }
  });

  it('commits progress after each quarter with exit=suspend, and a reload resumes from suspend_data', async () => {
    const scenario = bundled.find((b) => b.scenario.quarters >= 6)!.scenario;
    const first = makeLms();
    const commits: string[] = [];
    first.on('LMSCommit', () => commits.push(first.cmi.suspend_data));
    const a = await launch(first, scenario.id);
    playOn(a.store, 3);
    expect(commits.length).toBeGreaterThanOrEqual(3);
    expect(stored(first, 'exit')).toBe('suspend');
    expect(first.cmi.core.lesson_status).toBe('incomplete');
    const played = a.store.getState().sim!.choices;
    a.hide();

    // the next session, on a device that kept nothing: the LMS hands back suspend_data
    const second = makeLms('emp-0042', first.cmi.suspend_data);
    const b = await launch(second, scenario.id, makeStore(memoryStore(true)));
    expect(b.store.getState().sim!.choices).toEqual(played);
    expect(b.store.getState().screen).toBe('play');
    const replayed = playChoices(scenario, b.attached!.seed, played);
    expect(b.store.getState().sim!.history.at(-1)!.metrics).toEqual(
      replayed.history.at(-1)!.metrics,
    );
    playOn(b.store);
    await b.reported();
    expect(['passed', 'failed']).toContain(second.cmi.core.lesson_status);
  });

  it('an LMS that throws, or whose commit fails, leaves the game playable', async () => {
    const scenario = bundled[0]!.scenario;
    const failing = makeLms();
    failing.LMSCommit = () => 'false';
    const a = await launch(failing, scenario.id);
    playOn(a.store);
    expect(a.store.getState().screen).toBe('debrief');
    expect(a.store.getState().notices.some((n) => /did not accept/.test(n.text))).toBe(true);

    const throwing = makeLms();
    throwing.LMSSetValue = () => {
      throw new Error('LMS exploded');
    };
    throwing.LMSGetValue = () => {
      throw new Error('LMS exploded');
    };
    throwing.LMSCommit = () => {
      throw new Error('LMS exploded');
    };
    throwing.LMSFinish = () => {
      throw new Error('LMS exploded');
    };
    const b = await launch(throwing, scenario.id);
    playOn(b.store);
    expect(b.store.getState().screen).toBe('debrief');
    expect(() => b.hide()).not.toThrow();

    const refusing = makeLms();
    refusing.LMSInitialize = () => {
      throw new Error('no');
    };
    const c = await launch(refusing, scenario.id);
    expect(c.attached).toBeNull(); // no session: the title screen, for practice
    expect(c.store.getState().screen).toBe('title');
  });

  it('an LMS that will not start the session (LMSInitialize fails) is named to the learner, not hidden', async () => {
    const scenario = bundled[0]!.scenario;
    const said = (store: ReturnType<typeof makeStore>) =>
      store
        .getState()
        .notices.filter((n) => n.tone === 'error')
        .map((n) => n.text);

    const throwing = makeLms();
    throwing.LMSInitialize = () => {
      throw new Error('no session for you');
    };
    const a = await launch(throwing, scenario.id);
    expect(a.store.getState().screen).toBe('title');
    expect(said(a.store)).toEqual([
      expect.stringMatching(
        /did not start this session \(it failed: no session for you\), so your result cannot be reported to it\. Close this window and open the course/,
      ),
    ]);

    // scorm-again refuses a second LMSInitialize (error 101): the LMS's words are passed on
    const twice = makeLms();
    twice.LMSInitialize('');
    const b = await launch(twice, scenario.id);
    expect(said(b.store)).toEqual([
      expect.stringMatching(/\(it answered "false" \(LMS error 1\d\d: /),
    ]);
  });

  it('an LMS that gives no learner id: the learner is told, plays, and the score is reported', async () => {
    const scenario = bundled[0]!.scenario;
    for (const id of ['', '   ']) {
      const api = makeLms(id);
      const { store, attached, reported } = await launch(api, scenario.id);
      expect(attached?.trainee).toBe('unknown-learner');
      expect(store.getState().notices.some((n) => /did not say who you are/.test(n.text))).toBe(
        true,
      );
      playOn(store);
      await reported();
      expect(['passed', 'failed']).toContain(api.cmi.core.lesson_status);
      expect(api.cmi.core.score.raw).not.toBe('');
    }
  });

  it('a long game\u2019s suspend_data stays under 4,096 characters; more is never sent', async () => {
    // 64 quarters (the most a record holds) of 30-option situations with long ids
    const base = bundled[0]!.scenario;
    const situations = Array.from({ length: 64 }, (_, i) => ({
      ...base.situations[0]!,
      id: `situation-with-a-long-name-${i}`,
      next: i < 63 ? `situation-with-a-long-name-${i + 1}` : undefined,
      choices: Array.from({ length: 30 }, (_, j) => ({
        id: `${'very-long-choice-id-'.repeat(3)}${i}-${j}`,
        label: 'x',
        style: 'directive',
      })),
    }));
    const long = { ...base, id: 'long', quarters: 64, situations } as typeof base;
    const choices = situations.map((s, i) => s.choices[(i * 7) % 30]!.id);
    const p = {
      scenario: 'long',
      hash: 'f'.repeat(16),
      seed: `${'s'.repeat(28)}~0123456789`,
      attempt: 12,
      choices,
    };
    const enc = encodeSuspend(long, p);
    expect(enc.ok).toBe(true);
    if (enc.ok) {
      expect(enc.data.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
      const back = decodeSuspend(enc.data, new Map([['long', { scenario: long, hash: p.hash }]]));
      expect(back.ok && back.progress.choices).toEqual(choices);
    }
    expect(encodeSuspend(long, { ...p, seed: 'x'.repeat(5000) }).ok).toBe(false);

    const api = makeLms();
    const connection = connectLms({ API: api });
    if (!connection?.ok) throw new Error('scorm-again did not start');
    const { lms } = connection;
    expect(lms.saveProgress('y'.repeat(SUSPEND_LIMIT + 1))).toBe(false);
    expect(api.cmi.suspend_data).toBe('');
    expect(lms.problems.at(-1)).toMatch(/over SCORM 1.2's 4096/);
    expect(lms.saveProgress('y'.repeat(SUSPEND_LIMIT))).toBe(true);
  });

  it('damaged or foreign suspend data starts afresh with a notice', async () => {
    const scenario = bundled[0]!.scenario;
    for (const junk of ['not json', '{"v":1,"s":"nope","h":"x","seed":"1","a":1,"c":"0"}']) {
      const { store } = await launch(makeLms('emp-1', junk), scenario.id);
      expect(store.getState().screen).toBe('briefing');
      expect(store.getState().notices.some((n) => /starting afresh/.test(n.text))).toBe(true);
    }
    expect(
      decodeSuspend('{"v":1,"s":"tutorial","h":"bad","seed":"1","a":1,"c":"0"}', shelf).ok,
    ).toBe(false);
  });

  it('names the model in suspend_data; progress of another model says which made it', async () => {
    const { scenario, hash } = bundled[0]!;
    const p = { scenario: scenario.id, hash, seed: '1', attempt: 1, choices: [] };
    const enc = encodeSuspend(scenario, p);
    if (!enc.ok) throw new Error(enc.error);
    expect(JSON.parse(enc.data).m).toBe(MODEL_VERSION);
    // kept before the model was named: model 1's
    const { m: _m, ...unstamped } = JSON.parse(enc.data);
    expect(decodeSuspend(JSON.stringify(unstamped), shelf).ok).toBe(
      (MODEL_VERSION as number) === 1,
    );
    const theirs = JSON.stringify({ ...JSON.parse(enc.data), m: MODEL_VERSION + 1 });
    const message = `the saved progress was made by model ${MODEL_VERSION + 1} of the simulation; this version of the game runs model ${MODEL_VERSION}, replays models 3 and 4, and cannot replay it`;
    expect(decodeSuspend(theirs, shelf)).toEqual({ ok: false, error: message });
    const { store } = await launch(makeLms('emp-1', theirs), scenario.id);
    expect(store.getState().screen).toBe('briefing');
    expect(store.getState().notices.map((n) => n.text)).toContain(`${message}; starting afresh.`);
  });

  it('reports the first finished game; a replay afterwards is practice and changes nothing', async () => {
    const scenario = bundled[0]!.scenario;
    const api = makeLms();
    const { store, reported } = await launch(api, scenario.id);
    playOn(store);
    await reported();
    const raw = api.cmi.core.score.raw;
    const status = api.cmi.core.lesson_status;
    store.getState().replayMarket();
    playOn(store, 1, 1);
    expect(stored(api, 'exit')).toBe('');
    playOn(store, Number.POSITIVE_INFINITY, 1);
    await reported();
    const replay = fairScoreOf(scenario, store.getState().sim!);
    expect(String(replay.grade)).not.toBe(raw); // a different game, not reported
    expect(api.cmi.core.score.raw).toBe(raw);
    expect(api.cmi.core.lesson_status).toBe(status);
  });

  it('keep=best: the debrief’s practice replay of the market (not graded) is reported to nobody, however well it goes', async () => {
    const scenario = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
    const api = makeLms();
    const { store, reported, attached } = await launch(api, scenario.id, undefined, 50, 'best');
    const { best, worst } = census(scenario, attached!.seed);
    playPath(store, worst.choices);
    await reported();
    const raw = api.cmi.core.score.raw;
    const suspend = api.cmi.suspend_data;
    store.getState().practiseMarket();
    // practice, read against the package's pass mark (50 here), and reported to nobody
    expect(store.getState().context).toEqual({ kind: 'practice', passMark: 50 });
    playPath(store, best.choices);
    await reported();
    expect(store.getState().screen).toBe('debrief');
    expect(api.cmi.core.score.raw).toBe(raw);
    expect(api.cmi.suspend_data).toBe(suspend);
  });

  it('where the browser has no workers, the score is still reported and the learner told why the page may pause', async () => {
    const scenario = bundled[0]!.scenario;
    const api = makeLms();
    const onPage = createCensusService({ createWorker: () => null });
    const { store, reported } = await launch(api, scenario.id, makeStore(), 50, 'first', onPage);
    playOn(store);
    await reported();
    const fair = fairScoreOf(scenario, store.getState().sim!);
    expect(api.cmi.core.score.raw).toBe(String(fair.grade));
    expect(store.getState().notices.map((n) => n.text)).toContain(ON_PAGE_NOTICE);
  });

  it('a census that cannot be worked out is named to the learner, and nothing false is reported', async () => {
    const scenario = bundled[0]!.scenario;
    const api = makeLms();
    const failing = createCensusService({
      createWorker: () => null,
      onPage: async () => {
        throw new Error('out of memory');
      },
    });
    const { store, reported } = await launch(api, scenario.id, makeStore(), 50, 'first', failing);
    playOn(store);
    await reported();
    expect(api.cmi.core.score.raw).toBe('');
    expect(
      store
        .getState()
        .notices.map((n) => n.text)
        .join(' '),
    ).toMatch(/could not be worked out for the learning system \(.*out of memory\)/);
  });

  it('writes session time as HHHH:MM:SS.SS', async () => {
    expect(sessionTime(0)).toBe('0000:00:00.00');
    expect(sessionTime(3_723_450)).toBe('0001:02:03.45');
  });
});
