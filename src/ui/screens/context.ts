import type { GameContext } from '../../save/format.ts';
import type { AssessmentPlay } from '../../store/room-types.ts';
import { h } from '../dom.ts';

/** The banner that says whose session this game belongs to. */
export function contextBanner(context: GameContext): HTMLElement | null {
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
    context.attempt > 0
      ? `attempt ${context.attempt} of ${context.attempts}`
      : `${context.attempts} attempts allowed`,
    ...(context.due ? [`due ${context.due}`] : []),
  ];
  return h(
    'p',
    { class: 'banner banner-assessed' },
    h('strong', null, 'Assessed session: '),
    parts.join(' · '),
  );
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
