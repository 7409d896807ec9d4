import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fairScoreOf } from '../../src/hr/fair.ts';
import { PROGRESS_STATE } from '../../src/lms/cmi5/outbox.ts';
import { LAUNCH_ENDED } from '../../src/lms/cmi5/session.ts';
import { NOT_SENT_NOTICE } from '../../src/lms/notices.ts';
import { census } from '../../src/sim/index.ts';
import { TestLrs } from '../fixtures/cmi5/lrs.ts';
import { launchCmi5, newDevice, until } from './cmi5-harness.ts';
import { bundled, playPath } from './harness.ts';

// The cmi5 AU, end to end in Node: the real store and AU code against a test LMS/LRS that
// enforces the cmi5 rules. Each test launches as an LMS would and reads what the LRS kept.

const scenario = bundled.find((b) => b.scenario.id === 'tutorial')!.scenario;
let lrs: TestLrs;

beforeEach(async () => {
  lrs = await new TestLrs().start();
});
afterEach(() => lrs.stop());

const resultOf = (verb: 'passed' | 'failed') =>
  lrs.received.find((r) => r.verb === verb)?.statement.result as
    | { score: { scaled: number }; success: boolean; duration: string }
    | undefined;

describe('a cmi5 launch played to the end', () => {
  it('sends initialized, completed, passed or failed with the fair score / 100, then terminated, in order', async () => {
    const l = lrs.launch({ masteryScore: 0.4 });
    const a = await launchCmi5(l.query, { pass: 40 });
    await until(lrs, () => lrs.verbs().length === 1);
    expect(lrs.verbs()).toEqual(['initialized']);
    const { best } = census(scenario, a.attached!.seed);
    playPath(a.store, best.choices);
    await a.reported();
    const grade = fairScoreOf(scenario, a.store.getState().sim!, 40);
    const verdict = grade.passed ? 'passed' : 'failed';
    await until(lrs, () => lrs.verbs().length === 3);
    a.hide();
    await until(lrs, () => lrs.verbs().length === 4);
    expect(lrs.verbs()).toEqual(['initialized', 'completed', verdict, 'terminated']);
    expect(resultOf(verdict)).toMatchObject({
      score: { scaled: grade.grade / 100 },
      success: grade.passed,
    });
    expect(lrs.rejected).toEqual([]);
    // the fetch URL was asked once; the progress document holds the result
    expect(lrs.requests.filter((r) => r.startsWith('POST /fetch/'))).toHaveLength(1);
    expect(lrs.state(l.registration, PROGRESS_STATE)).toMatchObject({
      held: { score: grade.grade, passed: grade.passed },
      completed: true,
      resumable: false,
    });
  });

  it("judges by the LMS's mastery score, not the package's pass mark", async () => {
    const l = lrs.launch({ masteryScore: 0.99 });
    const a = await launchCmi5(l.query, { pass: 0 });
    expect(a.store.getState().context).toMatchObject({ passMark: 99 });
    playPath(a.store, census(scenario, a.attached!.seed).worst.choices);
    await a.reported();
    await until(lrs, () => lrs.verbs().length === 3);
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'failed']);
    expect(lrs.rejected).toEqual([]);
  });

  it('a Browse launch records nothing but initialized and terminated, and says so', async () => {
    const l = lrs.launch({ launchMode: 'Browse' });
    const a = await launchCmi5(l.query);
    expect(a.notices()).toContain('nothing is recorded');
    playPath(a.store, census(scenario, a.attached!.seed).best.choices);
    await a.reported();
    a.hide();
    await until(lrs, () => lrs.verbs().includes('terminated'));
    expect(lrs.verbs()).toEqual(['initialized', 'terminated']);
    expect(lrs.rejected).toEqual([]);
  });
});

describe("the way back to the LMS's returnURL", () => {
  it('is offered in the top bar; it terminates the session, then goes to the returnURL', async () => {
    const l = lrs.launch({ returnURL: 'https://lms.example.test/course/42' });
    const a = await launchCmi5(l.query);
    const exit = a.store.getState().exit;
    expect(exit?.label).toBe('Back to the course');
    exit!.leave();
    await until(lrs, () => a.navigatedTo.length > 0);
    expect(lrs.verbs()).toEqual(['initialized', 'terminated']);
    expect(a.navigatedTo).toEqual(['https://lms.example.test/course/42']);
  });

  it('is not offered for a returnURL that is not a web address', async () => {
    const l = lrs.launch({ returnURL: 'javascript:alert(1)' });
    const a = await launchCmi5(l.query);
    expect(a.store.getState().exit).toBeNull();
  });
});

describe('a relaunch', () => {
  it('resumes the game from the State API on a device that kept nothing, and reports it in the new session', async () => {
    const first = lrs.launch();
    const a = await launchCmi5(first.query);
    const { best } = census(scenario, a.attached!.seed);
    playPath(a.store, best.choices.slice(0, 2));
    a.hide();
    await until(lrs, () => lrs.verbs(first.session).includes('terminated'));
    // the progress document goes beside the statements, in its own request
    await until(lrs, () => lrs.state(first.registration, PROGRESS_STATE) !== undefined);
    expect(lrs.state(first.registration, PROGRESS_STATE)).toMatchObject({ resumable: true });

    const second = lrs.launch({ registration: first.registration });
    const b = await launchCmi5(second.query, { device: newDevice() });
    expect(b.store.getState().sim!.choices).toEqual(best.choices.slice(0, 2));
    playPath(b.store, best.choices.slice(2));
    await b.reported();
    b.hide();
    await until(lrs, () => lrs.verbs(second.session).includes('terminated'));
    expect(lrs.verbs(second.session)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(lrs.rejected).toEqual([]);
  });

  it('a reload of the page in the same launch reuses its token and sends no second initialized', async () => {
    const l = lrs.launch();
    const a = await launchCmi5(l.query);
    await until(lrs, () => lrs.verbs().length === 1);
    const b = await launchCmi5(l.query, { device: a.device, tab: a.tab });
    expect(b.notices()).not.toContain('error');
    playPath(b.store, census(scenario, b.attached!.seed).best.choices);
    await b.reported();
    await until(lrs, () => lrs.verbs().length === 3);
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed']);
    expect(lrs.requests.filter((r) => r.startsWith('POST /fetch/'))).toHaveLength(1);
  });
});

describe('a page reloaded mid-game: its launch ended at terminated (cmi5 9.3.8)', () => {
  it('says so at once, keeps the game, and the next launch from the LMS resumes it and records the result', async () => {
    const first = lrs.launch({ masteryScore: 0.4 });
    const a = await launchCmi5(first.query);
    const { worst } = census(scenario, a.attached!.seed);
    playPath(a.store, worst.choices.slice(0, 2));
    await a.reported();
    await until(lrs, () =>
      /"c"/.test(
        String((lrs.state(first.registration, PROGRESS_STATE) as { progress?: string })?.progress),
      ),
    );
    a.hide(); // F5: the page goes away, and its session is terminated
    await until(lrs, () => lrs.verbs(first.session).includes('terminated'));

    // the same launch address in the same tab
    const b = await launchCmi5(first.query, { device: a.device, tab: a.tab });
    // told before playing on, in plain words
    expect(b.notices()).toContain(`error: ${LAUNCH_ENDED}`);
    expect(b.notices()).not.toMatch(/HTTP|\{|9\.3/);
    expect(b.store.getState().sim!.choices).toHaveLength(2);
    playPath(b.store, worst.choices.slice(2));
    await b.reported();
    expect(b.store.getState().screen).toBe('debrief');
    // the debrief does not pass off the result as recorded
    expect(b.notices()).toContain(`error: ${NOT_SENT_NOTICE}`);
    b.hide();
    await new Promise((r) => setTimeout(r, 300));
    // nothing was sent after terminated, and the game waits in the State API, unreported
    expect(lrs.verbs(first.session)).toEqual(['initialized', 'terminated']);
    expect(lrs.rejected).toEqual([]);
    const kept = lrs.state(first.registration, PROGRESS_STATE) as { progress: string };
    expect(kept).toMatchObject({ resumable: true, held: null, completed: false });

    // the learner launches again from the LMS, on another device: the result is recorded
    const second = lrs.launch({ registration: first.registration, masteryScore: 0.4 });
    const c = await launchCmi5(second.query);
    expect(c.notices()).not.toContain(LAUNCH_ENDED);
    expect(c.store.getState().sim!.choices).toEqual(worst.choices);
    await c.reported();
    await until(lrs, () => lrs.verbs(second.session).length === 3);
    const grade = fairScoreOf(scenario, c.store.getState().sim!, 40);
    expect(lrs.verbs(second.session)).toEqual([
      'initialized',
      'completed',
      grade.passed ? 'passed' : 'failed',
    ]);
    expect(resultOf(grade.passed ? 'passed' : 'failed')).toMatchObject({
      score: { scaled: grade.grade / 100 },
    });
    expect(lrs.rejected).toEqual([]);
  });
});

describe('when things go wrong the learner is told, plays on, and nothing is lost', () => {
  it('an LRS that goes down mid-game: statements and progress wait on the device and go when it is back', async () => {
    const l = lrs.launch();
    const a = await launchCmi5(l.query);
    await until(lrs, () => lrs.verbs().length === 1);
    lrs.down = true;
    playPath(a.store, census(scenario, a.attached!.seed).best.choices);
    await a.reported();
    await until(lrs, () => a.notices().includes('cannot be reached'));
    expect(a.store.getState().screen).toBe('debrief');
    expect(a.device.local.keys().some((k) => k.startsWith('tow-cmi5:'))).toBe(true);
    lrs.down = false;
    await until(lrs, () => lrs.verbs().length === 3);
    expect(lrs.verbs()).toEqual(['initialized', 'completed', 'passed']);
    await until(lrs, () => a.notices().includes('answers again'));
    expect(lrs.state(l.registration, PROGRESS_STATE)).toMatchObject({ held: { passed: true } });
    // everything was taken: the device keeps nothing more
    await until(lrs, () => !a.device.local.keys().some((k) => k.startsWith('tow-cmi5:')));
  });

  it('the browser closed while the LRS was down: the next launch from it reports the result in its own session', async () => {
    const first = lrs.launch();
    const a = await launchCmi5(first.query);
    await until(lrs, () => lrs.verbs().length === 1);
    lrs.down = true;
    playPath(a.store, census(scenario, a.attached!.seed).best.choices);
    await a.reported();
    await until(lrs, () => a.notices().includes('cannot be reached'));
    const asked = lrs.requests.length;
    a.hide(); // the statements and the progress go out once more, and meet a dead LRS
    await until(lrs, () => lrs.requests.length >= asked + 2);
    lrs.down = false;
    const second = lrs.launch({ registration: first.registration });
    const b = await launchCmi5(second.query, { device: a.device });
    await until(lrs, () => lrs.verbs(second.session).length === 3);
    b.hide();
    await until(lrs, () => lrs.verbs(second.session).includes('terminated'));
    expect(lrs.verbs(first.session)).toEqual(['initialized']);
    expect(lrs.verbs(second.session)).toEqual(['initialized', 'completed', 'passed', 'terminated']);
    expect(lrs.rejected).toEqual([]);
    expect(lrs.state(first.registration, PROGRESS_STATE)).toMatchObject({ held: { passed: true } });
  });

  it('an LRS that is down at launch: the game starts, and everything is sent once it answers', async () => {
    const l = lrs.launch();
    lrs.down = true;
    const a = await launchCmi5(l.query);
    expect(a.attached).not.toBeNull();
    await until(lrs, () => a.notices().includes('cannot be reached'));
    lrs.down = false;
    await until(lrs, () => lrs.verbs().length === 1);
    playPath(a.store, census(scenario, a.attached!.seed).best.choices);
    await a.reported();
    await until(lrs, () => lrs.verbs().length === 3);
    expect(lrs.rejected).toEqual([]);
  });

  it('an LRS that refuses a statement outright: the learner is told, the rest still goes, nothing is tried forever', async () => {
    const l = lrs.launch();
    lrs.refuse = 'completed';
    const a = await launchCmi5(l.query);
    playPath(a.store, census(scenario, a.attached!.seed).best.choices);
    await a.reported();
    await until(lrs, () => lrs.verbs().length === 2);
    expect(lrs.verbs()).toEqual(['initialized', 'passed']);
    await until(lrs, () => a.notices().includes('did not take one of the reports'));
    // in plain words: what the LRS answered is for the console, not the learner
    expect(a.notices()).not.toMatch(/HTTP|\d{3}|\{/);
    const asked = lrs.requests.filter((r) => r === 'POST /xapi/statements').length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(lrs.requests.filter((r) => r === 'POST /xapi/statements')).toHaveLength(asked);
  });

  it('a fetch URL that was already used: the refusal is named and the game still opens', async () => {
    const l = lrs.launch();
    await fetch(new URLSearchParams(l.query).get('fetch')!, { method: 'POST' });
    const a = await launchCmi5(l.query);
    expect(a.attached).toBeNull();
    expect(a.notices()).toContain(
      'error: The learning system did not start this session (it refused the sign-in token: "The authorization token has already been returned", cmi5 error 1)',
    );
    expect(a.store.getState().screen).toBe('title');
    expect(lrs.received).toEqual([]);
  });

  it('a launch address without its registration: named, and nothing is sent', async () => {
    const l = lrs.launch();
    const q = new URLSearchParams(l.query);
    q.delete('registration');
    const a = await launchCmi5(`?${q}`);
    expect(a.attached).toBeNull();
    expect(a.notices()).toContain('the launch address has no "registration"');
    expect(lrs.requests).toEqual([]);
  });

  it('opened with no launch address at all (not from the LMS): the learner is told', async () => {
    const a = await launchCmi5('');
    expect(a.attached).toBeNull();
    expect(a.notices()).toContain('the launch address has no "endpoint"');
  });
});
