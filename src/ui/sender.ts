import type { Channel, ScenarioDef, SituationDef } from '../sim/index.ts';
import { h } from './dom.ts';
import { CHANNEL_NAMES, channelIcon, portraitOf, senderOf } from './people.ts';

// The top of a situation card: who it comes from and how it reached you, so the buyer's
// e-mail reads as an e-mail and the plant manager's call as a call.

const FROM: Record<Channel, string> = {
  email: 'E-mail from',
  call: 'Phone call from',
  message: 'Message from',
  meeting: 'Meeting with',
  report: 'Report from',
};

/** The card's sender line, or null when the scenario names neither sender nor channel. */
export function senderLine(scenario: ScenarioDef, situation: SituationDef): HTMLElement | null {
  const person = senderOf(scenario, situation);
  const channel = situation.channel;
  if (!person && !channel) return null;
  const how = channel ? (person ? FROM[channel] : CHANNEL_NAMES[channel]) : 'From';
  return h(
    'div',
    { class: 'sender', attrs: { 'data-channel': channel ?? 'none' } },
    person ? portraitOf(person, 'small') : null,
    h(
      'p',
      { class: 'sender-text' },
      h('span', { class: 'sender-how' }, channel ? channelIcon(channel) : null, how),
      person ? h('strong', { class: 'sender-name' }, person.name) : null,
      person?.role ? h('span', { class: 'sender-role' }, person.role) : null,
    ),
  );
}
