import { z } from 'zod';
import {
  type AttemptView,
  attemptViewSchema,
  publicAssignmentSchema,
  traineeStatusSchema,
} from '../../room/assignments.ts';
import { countedAttempt } from '../../room/counted-attempt.ts';
import { apiUrl, RoomApiError, roomCall } from '../../room/http.ts';
import type { PublicRoom } from '../../room/protocol.ts';
import { errorCodeSchema, scenarioTextResponseSchema } from '../../room/protocol.ts';
import { retryAfter } from '../../room/retry.ts';
import type { GameStore } from '../../store/game-store.ts';
import { checkedServerScenario } from '../room/server-scenario.ts';

// An assessed attempt on the game page, played through the server: the one place the page
// talks to the assignments API. The server deals the attempt's market when it starts; the
// page then plays it with the live room's machinery (the store's room actions): a choice is
// only recorded as pending, sent here, and played when the server has taken it. After the
// last quarter the server grades and signs the attempt, and the debrief shows its result.

const startedSchema = z.strictObject({ attempt: attemptViewSchema, resumed: z.boolean() });
const signedSchema = z.looseObject({
  record: z.looseObject({}),
  server: z.looseObject({ fairScore: z.int(), passed: z.boolean() }),
  signature: z.looseObject({ kid: z.string() }),
});

/** Words for what the server refused, for a trainee. */
function sentence(err: unknown): string {
  if (!(err instanceof RoomApiError)) return 'The assessment could not be opened.';
  switch (err.code) {
    case 'no_assignment':
      return 'There is no assessment at this link. Check the link HR sent you.';
    case 'unauthorized':
    case 'wrong_room':
      return 'This link does not let you take the assessment: use the personal link HR sent you.';
    case 'attempts_used':
      return `You have used every attempt of this assessment (${err.message}). HR has your results.`;
    case 'past_due':
      return `This assessment is closed: ${err.message}.`;
    default:
      return err.message;
  }
}

/**
 * Opens the trainee's attempt: the one in play, else the last one finished (a reload of its
 * debrief costs no attempt), else the rules of a new one, which the server deals only when
 * the trainee presses Start. `fresh`: the trainee asked for a new attempt.
 */
export async function startAssessment(store: GameStore, id: string, token: string, fresh: boolean) {
  const actions = () => store.getState();
  actions().openAssessment(id);
  const auth = { authorization: `Bearer ${token}` };
  const base = `api/assignments/${encodeURIComponent(id)}`;
  let seed = '';
  let number = 0;
  let open: {
    assignment: z.infer<typeof publicAssignmentSchema>;
    entry: Awaited<ReturnType<typeof checkedServerScenario>>;
  };
  try {
    const assignment = await roomCall(apiUrl(base), publicAssignmentSchema);
    const { text, hash } = await roomCall(apiUrl(`${base}/scenario`), scenarioTextResponseSchema);
    const entry = await checkedServerScenario(text, hash, 'assessment');
    actions().addScenario(entry);
    open = { assignment, entry };
    const me = await roomCall(apiUrl(`${base}/me`), traineeStatusSchema, { headers: auth });
    const last = me.attempts.at(-1);
    if (last && (last.finishedAt === null || !fresh)) await play(me.name, last);
    else {
      // nothing is dealt or counted yet: the rules, and Start (startAttempt in the store)
      actions().assessmentReady(
        {
          id,
          title: assignment.title,
          attempt: me.attemptsUsed + 1,
          attempts: assignment.attempts,
          passMark: assignment.passMark,
        },
        { scenario: entry.scenario, due: assignment.due ?? null },
        me.name,
      );
      const stop = store.subscribe((s) => {
        if (!s.room?.assessment?.rules?.starting) return;
        stop();
        void begin(me.name);
      });
    }
  } catch (err) {
    actions().roomGone(sentence(err));
    return;
  }

  /** Start was pressed: the server deals the attempt's market and counts it from now. */
  async function begin(name: string) {
    try {
      const { attempt } = await roomCall(apiUrl(`${base}/attempts`), startedSchema, {
        method: 'POST',
        headers: auth,
      });
      if (fresh) {
        // a reload of this attempt must not ask for yet another one
        const url = new URL(window.location.href);
        url.searchParams.delete('new');
        window.history.replaceState(window.history.state, '', url);
      }
      await play(name, attempt);
    } catch (err) {
      actions().roomGone(sentence(err));
    }
  }

  /** Plays the attempt the server dealt (or resumed, or finished). */
  async function play(name: string, attempt: AttemptView) {
    const { assignment, entry } = open;
    seed = attempt.seed;
    number = attempt.number;
    const room: PublicRoom = {
      code: id,
      scenario: assignment.scenario,
      seed,
      pacing: { mode: 'self' },
      // the answer key stays closed until the server has the graded result
      release: { debrief: true, bestPath: false, whatIf: false },
      openQuarter: assignment.scenario.quarters,
      startedAt: null,
      expiresAt: assignment.due ?? attempt.startedAt,
      now: assignment.now,
      // an attempt dealt under an earlier model is played by its rules
      ...(attempt.model !== undefined ? { model: attempt.model } : {}),
    };
    actions().assessmentStarted(entry, room, gameOf(name, attempt), {
      id,
      title: assignment.title,
      attempt: attempt.number,
      attempts: assignment.attempts,
      passMark: assignment.passMark,
      ...(assignment.due ? { due: assignment.due } : {}),
    });
    if (attempt.finishedAt !== null) await graded();
  }

  async function graded() {
    const result = await roomCall(apiUrl(`${base}/attempts/${number}/result`), signedSchema, {
      headers: auth,
    });
    actions().assessmentGraded(result, number > 1 ? await countedNow() : null);
  }

  /**
   * Which attempt counts, now this one is graded: HR and the course read the best. Asked
   * only from a second attempt on; the result stands without it if the answer does not come.
   */
  async function countedNow() {
    try {
      const me = await roomCall(apiUrl(`${base}/me`), traineeStatusSchema, { headers: auth });
      return countedAttempt(me.attempts);
    } catch {
      return null;
    }
  }

  /**
   * `call`, sent again after each wait the server asks for (too many requests) or a lost
   * connection calls for, with the trainee told why in the room bar; a refusal that
   * waiting cannot change is thrown.
   */
  async function patiently<T>(call: () => Promise<T>): Promise<T> {
    for (let failures = 0; ; failures++) {
      try {
        const answer = await call();
        if (failures > 0) actions().roomLink('live');
        return answer;
      } catch (err) {
        const retry = retryAfter(err, failures);
        if (!retry) throw err;
        actions().roomLink('retrying', retry.because ?? undefined);
        await new Promise((resolve) => setTimeout(resolve, retry.ms));
        // the trainee left the attempt meanwhile: nothing is waiting for the answer
        if (actions().room?.code !== id) throw err;
      }
    }
  }

  /** The decision the server did not take, in its own words; a closed attempt ends the game. */
  function refused(err: unknown) {
    actions().roomLink('live');
    if (!(err instanceof RoomApiError)) {
      console.error(err);
      actions().roomRefused('internal', 'the decision could not be sent.');
      return;
    }
    if (err.code === 'past_due') return actions().roomGone(sentence(err));
    const code = errorCodeSchema.safeParse(err.code);
    actions().roomRefused(code.success ? code.data : 'internal', err.message);
  }

  // one decision at a time: a wait between tries keeps it busy, so nothing is sent twice
  let sending = false;
  const send = async () => {
    const pending = actions().room?.pending;
    if (!pending || sending) return;
    sending = true;
    try {
      const view = await patiently(() =>
        roomCall(apiUrl(`${base}/attempts/${number}/decisions`), attemptViewSchema, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            quarter: pending.quarter,
            situationId: pending.situationId,
            choiceId: pending.choiceId,
          }),
        }),
      );
      // graded first, so the debrief opens with the server's result and the key open; the
      // decision is taken by now, so only the result is asked again after a wait
      if (view.finishedAt !== null) await patiently(graded);
      actions().roomAccepted(gameOf(actions().room?.name ?? '', view));
    } catch (err) {
      if (!(await takenAfterAll(err, pending))) refused(err);
    } finally {
      sending = false;
    }
  };

  /**
   * Whether a decision the server refused as already made (or not the one waiting) was in
   * fact taken: its answer was lost on a dropped connection and the decision sent again.
   * The attempt is then read back from the server and carried on from there.
   */
  async function takenAfterAll(
    err: unknown,
    pending: { quarter: number; choiceId: string },
  ): Promise<boolean> {
    if (!(err instanceof RoomApiError) || !['duplicate', 'out_of_order'].includes(err.code)) {
      return false;
    }
    try {
      const me = await roomCall(apiUrl(`${base}/me`), traineeStatusSchema, { headers: auth });
      const view = me.attempts.find((a) => a.number === number);
      if (!view || view.choices[pending.quarter - 1] !== pending.choiceId) return false;
      if (view.finishedAt !== null) await patiently(graded);
      actions().roomAccepted(gameOf(me.name, view));
      return true;
    } catch {
      return false;
    }
  }
  store.subscribe(() => void send());
}

function gameOf(name: string, a: AttemptView) {
  return { playerId: '', name, choices: a.choices, situationId: a.situationId, score: a.score };
}
