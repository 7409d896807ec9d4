import type { GameContext } from '../../save/format.ts';
import type { AssessmentPlay } from '../../store/room-types.ts';
import { h } from '../dom.ts';

/**
 * The banner that says whose session this game belongs to. `attemptAhead`: on an assessed
 * session's briefing, the attempt the game becomes once play starts (GameState.attemptAhead).
 */
export function contextBanner(
  context: GameContext,
  attemptAhead: number | null = null,
): HTMLElement | null {
  if (context.kind === 'practice') return null;
  if (context.kind === 'workshop') {
    return h(
      'p',
      { class: 'banner banner-workshop' },
      h('strong', null, 'Workshop: '),
      context.name,
    );
  }
  const parts = [
    `trainee ${context.trainee}`,
    `pass mark ${context.passMark}`,
    attemptText(context.attempt > 0 ? context.attempt : attemptAhead, context.attempts),
    ...(context.due ? [`due ${context.due}`] : []),
  ];
  return h(
    'p',
    { class: 'banner banner-assessed' },
    h('strong', null, 'Assessed session: '),
    parts.join(' · '),
  );
}

/** Which attempt this is, when known; else how many are allowed. */
function attemptText(attempt: number | null, attempts: number): string {
  if (attempt === null) return `${attempts} attempts allowed`;
  if (attempt > attempts) return `every one of the ${attempts} attempts allowed is used`;
  return `attempt ${attempt} of ${attempts}`;
}

/**
 * "assessed, attempt 2 of 3" for a quarter's heading, so a trainee who went straight from
 * one attempt's debrief into the next reads which one counts now; null outside one.
 */
export function attemptKicker(
  context: GameContext,
  assessment: AssessmentPlay | null | undefined,
): string | null {
  if (assessment) return `assessed, attempt ${assessment.attempt} of ${assessment.attempts}`;
  if (context.kind !== 'assignment' || context.attempt === 0) return null;
  return `assessed, ${attemptText(context.attempt, context.attempts)}`;
}

/** The banner of an assessed attempt played through the server (src/app/assess/). */
export function assessedBanner(a: AssessmentPlay, trainee: string | null): HTMLElement {
  const parts = [
    a.title,
    ...(trainee ? [`trainee ${trainee}`] : []),
    `pass mark ${a.passMark}`,
    `attempt ${a.attempt} of ${a.attempts}`,
  ];
  return h(
    'p',
    { class: 'banner banner-assessed' },
    h('strong', null, 'Assessed session: '),
    parts.join(' · '),
  );
}
