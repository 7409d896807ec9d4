import { score } from '../../sim/index.ts';
import type { GameStore } from '../../store/game-store.ts';
import type { RoomPlay } from '../../store/room-types.ts';
import type { GameState } from '../../store/types.ts';
import { button, h, heading } from '../dom.ts';
import { clockText } from '../room-clock.ts';
import { attemptRulesScreen } from './attempt-rules.ts';

// The live room's own screens: the join form, connecting, waiting for a quarter (gated or
// timed) or for the debrief, and a room that is gone. Play and the debrief are the game's
// usual screens; the room bar above them (src/ui/room-bar.ts) says how the connection stands.

function joinForm(store: GameStore, room: RoomPlay): HTMLElement {
  // a problem sits under the field it is about, and that field takes the focus: a room that
  // has ended or is not there is the code's problem, not the name's
  const codeWrong = room.problem !== null && room.problemField !== 'name';
  const nameWrong = room.problem !== null && room.problemField === 'name';
  const problem = room.problem
    ? h('p', { id: 'room-problem', class: 'form-problem', attrs: { role: 'alert' } }, room.problem)
    : null;
  const code = h('input', {
    id: 'room-code',
    attrs: {
      type: 'text',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: '6',
      value: room.code,
      'aria-describedby': codeWrong ? 'room-code-help room-problem' : 'room-code-help',
      ...(codeWrong ? { 'aria-invalid': 'true' } : {}),
    },
  });
  const name = h('input', {
    id: 'room-name',
    attrs: {
      type: 'text',
      autocomplete: 'nickname',
      maxlength: '40',
      required: '',
      value: room.name ?? '',
      ...(nameWrong ? { 'aria-invalid': 'true', 'aria-describedby': 'room-problem' } : {}),
    },
  });
  const busy = room.joining !== null;
  const submit = h(
    'button',
    { class: 'btn btn-primary', attrs: { type: 'submit', ...(busy ? { disabled: '' } : {}) } },
    busy ? 'Joining…' : 'Join the room',
  );
  const form = h(
    'form',
    { class: 'room-form', attrs: { 'aria-labelledby': 'room-h' } },
    h('label', { attrs: { for: 'room-code' } }, 'Room code'),
    code,
    h(
      'p',
      { id: 'room-code-help', class: 'muted' },
      'Six letters and digits, as your facilitator shows them.',
    ),
    codeWrong ? problem : null,
    h('label', { attrs: { for: 'room-name' } }, 'Your name, as the room will see it'),
    name,
    nameWrong ? problem : null,
    h('div', { class: 'row' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    store.getState().joinRoom(code.value, name.value);
  });
  // the code from a join link is filled in: the name is what is left to type, unless the
  // code is what is wrong
  setTimeout(() => (room.code && !codeWrong ? name : code).focus(), 0);
  return h(
    'div',
    { class: 'screen' },
    heading(1, 'Join a live room', 'room-h'),
    h(
      'p',
      { class: 'lead' },
      'Your facilitator runs this market for the whole room: you play it here, and each of your calls goes to the room. No account is needed.',
    ),
    form,
    h('div', { class: 'row' }, back(store)),
  );
}

const back = (store: GameStore) =>
  button('Back to the title', () => store.getState().leaveRoom(), { class: 'btn btn-quiet' });

/** a countdown to a timed quarter, redrawn each second while it is on the page */
function countdown(store: GameStore, opensAt: number): HTMLElement {
  const el = h('strong', { class: 'countdown' });
  const draw = () => {
    const room = store.getState().room;
    el.textContent = clockText(opensAt - (Date.now() + (room?.skew ?? 0)));
  };
  draw();
  const timer = setInterval(() => {
    if (!el.isConnected) clearInterval(timer);
    else draw();
  }, 1000);
  return el;
}

function waiting(store: GameStore, s: GameState, room: RoomPlay): HTMLElement {
  const r = room.room!;
  const sim = s.sim!;
  const title = s.entry?.scenario.title ?? r.scenario.title;
  const kicker = h('p', { class: 'kicker' }, `Live room ${r.code} · ${title}`);
  if (sim.situationId === null) {
    return h(
      'div',
      { class: 'screen', attrs: { 'data-room-wait': 'debrief' } },
      kicker,
      heading(1, 'Your game is over'),
      h(
        'p',
        { class: 'lead' },
        `You played all ${r.scenario.quarters} quarters; your score is ${s.entry ? score(s.entry.scenario.rubric, sim) : ''} out of 100.`,
      ),
      h(
        'p',
        null,
        'The debrief opens here when your facilitator releases it to the room. Keep this page open, or come back with the same link.',
      ),
    );
  }
  if (r.endedAt !== undefined) {
    return h(
      'div',
      { class: 'screen', attrs: { 'data-room-wait': 'ended' } },
      kicker,
      heading(1, 'Play has ended'),
      h(
        'p',
        { class: 'lead' },
        `Your facilitator ended play and released the debrief to the room. You played ${sim.quarter} of ${r.scenario.quarters} quarters, so your game has no score.`,
      ),
      h(
        'p',
        null,
        `Follow the debrief with the room: your facilitator shows how everyone decided.${sim.quarter > 0 ? ' Your decisions so far are kept by the room.' : ''}`,
      ),
    );
  }
  const next = sim.quarter + 1;
  let what: HTMLElement;
  if (r.pacing.mode === 'timer' && r.startedAt !== null) {
    const opensAt = Date.parse(r.startedAt) + (next - 1) * r.pacing.seconds * 1000;
    what = h('p', { class: 'lead' }, `Quarter ${next} opens in `, countdown(store, opensAt), '.');
  } else if (r.pacing.mode === 'timer') {
    what = h('p', { class: 'lead' }, 'The room starts when your facilitator starts the clock.');
  } else {
    what = h(
      'p',
      { class: 'lead' },
      `Quarter ${next} opens when your facilitator opens it for the room.`,
    );
  }
  return h(
    'div',
    { class: 'screen', attrs: { 'data-room-wait': String(next) } },
    kicker,
    heading(1, next === 1 ? 'Waiting for the room to start' : `Waiting for quarter ${next}`),
    what,
    h('p', null, `You have played ${sim.quarter} of ${r.scenario.quarters} quarters.`),
  );
}

export function roomScreen(store: GameStore, s: GameState): HTMLElement {
  const room = s.room;
  if (!room) return h('div');
  if (room.link === 'join') return joinForm(store, room);
  if (room.link === 'gone') {
    return h(
      'div',
      { class: 'screen' },
      heading(
        1,
        room.assessment ? 'This assessment cannot be played now' : 'This room is not available',
      ),
      h('p', { class: 'lead', attrs: { role: 'alert' } }, room.problem ?? 'The room is gone.'),
      h('div', { class: 'row' }, back(store)),
    );
  }
  if (room.assessment?.rules)
    return attemptRulesScreen(store, room.assessment, room.assessment.rules);
  if (room.assessment && (!room.room || !s.sim)) {
    return h(
      'div',
      { class: 'screen' },
      heading(1, 'Opening your assessed session…'),
      h('p', { class: 'lead' }, 'The server is dealing your market for this attempt.'),
    );
  }
  if (!room.room || !s.sim) {
    return h(
      'div',
      { class: 'screen' },
      heading(1, `Joining room ${room.code}…`),
      h('p', { class: 'lead' }, 'Connecting to the room and fetching its market.'),
    );
  }
  // a quarter that opens moves the store on (src/app/effects/room-tick.ts)
  return waiting(store, s, room);
}
