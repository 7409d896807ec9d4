import type { GameContext } from '../../save/format.ts';
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
