import QRCode from 'qrcode';
import { RoomApiError } from '../../room/http.ts';
import { type Pace, paceAt } from '../../room/pacing.ts';
import type { FacilitatorView, RoomCommand } from '../../room/protocol.ts';
import { MODEL_VERSION, type ScenarioDef, underModel } from '../../sim/index.ts';
import { decisionSplits, leaderboard } from '../dashboard/aggregate.ts';
import type { Accepted } from '../dashboard/intake.ts';
import { button, download, h, replace } from '../dom.ts';
import { checkYaml } from '../scenarios.ts';
import { command, deleteRoom, exportFile, roomScenarioText } from './api.ts';
import { roomGames } from './games.ts';
import { adminLink, forgetRoom, joinLink, type RoomKey } from './keys.ts';
import { openLive } from './live.ts';
import { roomMarketNote } from './market-note.ts';
import { roomCensus } from './room-census.ts';
import { type RosterResults, rosterCard } from './roster.ts';
import { applyMessage, freshRoom, roomClock } from './state.ts';

// The facilitator's live dashboard of one room: how to join (code, link, QR code), the key,
// the pace and the releases, who is there and who has decided, the room's split on each
// decision as it comes in, the exports, the slides and deleting the room. The server's
// messages change the state (src/workshop/room/state.ts); every section is drawn from it.

export interface LiveRoomOptions {
  key: RoomKey;
  /** just created: the key is shown with the warning to keep it */
  fresh: boolean;
  onClosed(): void;
  /** the server refused the key (or the sign-in): the page put back what it knew before */
  onRefused?(): void;
}

/** refusals of the facilitator's hello that mean "not your room", not "no room" */
const NOT_YOURS = new Set(['unauthorized', 'forbidden', 'wrong_room']);

export function liveRoomPanel(opts: LiveRoomOptions): HTMLElement {
  const { code, secret } = opts.key;
  let view: FacilitatorView | null = null;
  const clock = roomClock();
  /** the room's scenario as the server's text gives it */
  let loaded: { def: ScenarioDef; hash: string } | null = null;
  /** the same under the room's model: a room opened under an earlier model plays by its rules */
  let scenario: { def: ScenarioDef; hash: string } | null = null;
  const underRoomModel = () => {
    const model = view?.room.model ?? MODEL_VERSION;
    scenario = loaded && { def: underModel(loaded.def, model), hash: loaded.hash };
  };
  /** the server's last refusal, which tells a wrong key from a room that has gone */
  let refusal: { error: string; message: string } | null = null;

  const status = h('p', { class: 'room-link', attrs: { role: 'status' } }, 'Connecting…');
  const controls = h('div', { class: 'card', attrs: { 'aria-labelledby': 'room-pace-h' } });
  const roster = rosterCard();
  const splits = h('div', { class: 'card live-split' });
  const message = h('div', { attrs: { 'aria-live': 'polite' } });
  const qr = h('div', { class: 'qr' });
  const link = joinLink(code);
  void QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 480 }).then((url) =>
    qr.replaceChildren(
      h('img', {
        attrs: {
          src: url,
          alt: `QR code of the join link for room ${code}`,
          width: '240',
          height: '240',
        },
      }),
    ),
  );
  const keyBox = keyCard(opts.key, opts.fresh);

  const run = async (cmd: RoomCommand) => {
    try {
      const room = await command(code, secret, cmd);
      clock.heard(room);
      if (view) setView({ ...view, room });
    } catch (err) {
      say(err instanceof RoomApiError ? err.message : String(err));
    }
  };
  const say = (text: string) =>
    replace(message, h('p', { class: 'issues', attrs: { role: 'alert' } }, text));

  // the room's market, for the fair scores of the roster and the slides
  const census = roomCensus(() => setView(view));
  /** the room's games replayed by this page, and the finished ones' results */
  const results = (v: FacilitatorView): { games: Accepted[] | null; roster: RosterResults } => {
    const c = census.state();
    if (!scenario || v.room.otherModel !== undefined)
      return { games: null, roster: { rubric: null, rows: new Map(), census: c.status } };
    const games = roomGames(scenario.def, scenario.hash, v.room.seed, v.players);
    const finished = games.filter((g) => g.replay.finished);
    if (finished.length) census.ask(scenario.def, scenario.hash, v.room.seed);
    const rows = leaderboard(scenario.def, finished, c.status === 'ready' ? c.census : null);
    return {
      games,
      roster: {
        rubric: scenario.def.rubric,
        rows: new Map(rows.map((r) => [r.player, r])),
        census: c.status,
      },
    };
  };

  const draw = () => {
    if (!view) return;
    const { games, roster: figures } = results(view);
    const pace = paceAt(view.room, clock.now());
    // a room of another model: nobody can join or play on, and this page's model would
    // replay its decisions (the splits, the slides) as another game; its roster and its
    // exports show them as stored
    const other = view.room.otherModel;
    for (const part of [joinCard, controls, splits, showSlidesButton])
      part.hidden = other !== undefined;
    modelNote.hidden = other === undefined;
    if (other !== undefined) replace(modelNote, otherModelNote(code, other));
    else {
      drawControls(controls, view, pace, run);
      drawSplits(splits, view, scenario, games);
    }
    roster.draw(view, pace.open, figures);
  };
  // the slides, while open, redraw from the same state at each change
  const watchers = new Set<() => void>();
  const setView = (v: FacilitatorView | null) => {
    view = v;
    underRoomModel();
    draw();
    for (const redraw of watchers) redraw();
  };
  const slidesFeed = {
    view: () => view,
    census: () => {
      const c = census.state();
      return c.status === 'ready' ? c.census : null;
    },
    watch(redraw: () => void) {
      watchers.add(redraw);
      return () => watchers.delete(redraw);
    },
  };

  const live = openLive(code, secret, {
    message(msg) {
      if (msg.type === 'deleted') return;
      if (msg.type === 'error') {
        refusal = msg;
        return say(msg.message);
      }
      const room = freshRoom(msg);
      if (room) clock.heard(room);
      setView(applyMessage(view, msg));
    },
    link(state) {
      if (state === 'gone' && refusal && NOT_YOURS.has(refusal.error)) {
        // nothing of the room was sent, and nothing of it (not even the key that failed)
        // stays on the page: only why, and what to do
        clearInterval(tick);
        panel.replaceChildren(refusedCard(code, secret !== '', refusal.message));
        opts.onRefused?.();
        return;
      }
      status.dataset.link = state;
      status.textContent =
        state === 'live'
          ? 'Live: the dashboard follows the room as it plays.'
          : state === 'retrying'
            ? 'Connection lost: reconnecting… (the room plays on; nothing is lost)'
            : 'This room is gone: it was deleted or has expired.';
      if (state === 'gone') forgetRoom(code);
    },
  });
  void roomScenarioText(code).then(async ({ text, hash }) => {
    const checked = await checkYaml(text, 'room scenario');
    if (checked.ok) {
      loaded = { def: checked.scenario, hash };
      underRoomModel();
      draw();
    }
  });
  const tick = setInterval(() => {
    if (!panel.isConnected) {
      clearInterval(tick);
      live.close();
      return;
    }
    if (view?.room.pacing.mode === 'timer') draw();
  }, 1000);

  const download_ = (kind: 'csv' | 'json') => async () => {
    try {
      download(`room-${code}.${kind}`, await exportFile(code, secret, kind));
    } catch (err) {
      say(err instanceof RoomApiError ? err.message : String(err));
    }
  };
  const confirmBox = h('div', { class: 'row' });
  const askDelete = () =>
    replace(
      confirmBox,
      h(
        'p',
        { attrs: { role: 'alert' } },
        `Delete room ${code} with every player and decision? This cannot be undone.`,
      ),
      button(
        'Delete for good',
        () => {
          void deleteRoom(code, secret)
            .then(() => {
              forgetRoom(code);
              live.close();
              opts.onClosed();
            })
            .catch((err: unknown) => say(err instanceof RoomApiError ? err.message : String(err)));
        },
        'btn danger',
      ),
      button('Keep the room', () => replace(confirmBox), 'btn'),
    );

  const showSlidesButton = button(
    'Show the slides',
    () => {
      const played = scenario;
      if (view && played && view.room.otherModel === undefined)
        void import('./slides.ts').then((m) =>
          m.showSlides(slidesFeed, played.def, played.hash, showSlidesButton),
        );
    },
    'btn primary',
  );
  const modelNote = h('div', { class: 'card', attrs: { hidden: '' } });
  const joinCard = h(
    'div',
    { class: 'card join-card' },
    h(
      'div',
      null,
      h('h2', null, 'Join code'),
      h(
        'p',
        { class: 'join-code', attrs: { 'aria-label': `Join code ${code.split('').join(' ')}` } },
        code,
      ),
      h('p', null, 'Trainees open the game and choose “Join a live room”, or open this link:'),
      h(
        'p',
        null,
        h(
          'a',
          { class: 'join-link', attrs: { href: link, target: '_blank', rel: 'noopener' } },
          link,
        ),
      ),
      status,
    ),
    qr,
  );
  const panel = h(
    'div',
    { class: 'stack live-room', attrs: { 'data-room': code } },
    modelNote,
    joinCard,
    keyBox,
    controls,
    message,
    roster.el,
    splits,
    h(
      'div',
      { class: 'card' },
      h('h2', null, 'Export and close'),
      h(
        'div',
        { class: 'row' },
        showSlidesButton,
        button('Download CSV', () => void download_('csv')(), 'btn'),
        button('Download JSON', () => void download_('json')(), 'btn'),
        button('Delete the room…', askDelete, 'btn'),
      ),
      confirmBox,
    ),
  );
  return panel;
}

/** A room opened under another model: why nobody plays on, and what its facilitator can still do. */
function otherModelNote(code: string, reason: string): HTMLElement {
  return h(
    'div',
    { attrs: { role: 'note', 'data-other-model': code } },
    h('h2', null, `Room ${code} cannot go on with this version of the game`),
    h(
      'p',
      null,
      'It was opened with an earlier version of the simulation. Played on, or shown here, its decisions would be worked out by this version as another game, so trainees cannot join or play on, and their scores are not worked out again.',
    ),
    h(
      'p',
      null,
      "Every decision is kept as it was made: download the CSV or JSON below (they list each trainee's choices, with no score). To play on, open a new room.",
    ),
    h('p', { class: 'muted' }, `The server said: ${reason}.`),
  );
}

/** Why the facilitator's page shows nothing of room `code`, in plain words. */
function refusedCard(code: string, withKey: boolean, reason: string): HTMLElement {
  return h(
    'div',
    { class: 'card', attrs: { role: 'alert', 'data-refused': code } },
    h('h2', null, `This link does not open room ${code}`),
    withKey
      ? h(
          'p',
          null,
          "The key in the link is not this room's: it may have been cut short when it was copied, or belong to another room. Open the room with the whole link you kept when you made it, or from “Your rooms in this browser” on the browser that made it.",
        )
      : h(
          'p',
          null,
          `You are not signed in as the facilitator who made room ${code}, or your sign-in has ended. Sign in again, or open the room with its key link.`,
        ),
    h('p', { class: 'muted' }, `The server said: ${reason}.`),
  );
}

function keyCard(key: RoomKey, fresh: boolean): HTMLElement {
  if (!key.secret)
    return h(
      'p',
      { class: 'muted' },
      'You run this room signed in to the server. Its key link is in the browser that made it.',
    );
  const input = h('input', {
    id: `room-key-${key.code}`,
    attrs: { type: 'text', readonly: '', value: adminLink(key), spellcheck: 'false' },
  });
  const body = [
    h(
      'p',
      null,
      h('strong', null, 'Keep this link: it is your key to the room.'),
      ' Whoever holds it runs the room; the server cannot show it again. This browser keeps it too.',
    ),
    h('label', { attrs: { for: input.id } }, 'Your key to the room'),
    input,
  ];
  if (fresh) return h('div', { class: 'card key-card', attrs: { role: 'note' } }, ...body);
  return h('details', { class: 'card' }, h('summary', null, 'Your key to this room'), ...body);
}

function drawControls(
  el: HTMLElement,
  view: FacilitatorView,
  { open, nextInMs }: Pace,
  run: (cmd: RoomCommand) => Promise<void>,
): void {
  const r = view.room;
  const q = r.scenario.quarters;
  let pace: HTMLElement;
  if (r.endedAt !== undefined)
    pace = h(
      'p',
      null,
      'Play has ended: no more decisions are taken. Nobody new can join: the join link and code now say that play has ended.',
    );
  else if (r.pacing.mode === 'gated') {
    pace =
      open < q
        ? h(
            'div',
            { class: 'row pace-row' },
            h(
              'span',
              null,
              open === 0
                ? 'No quarter is open yet.'
                : open === 1
                  ? `Quarter 1 of ${q} is open.`
                  : `Quarters 1–${open} of ${q} are open.`,
            ),
            button(
              `Open quarter ${open + 1}`,
              () => void run({ type: 'open-quarter', quarter: open + 1 }),
              'btn primary',
            ),
          )
        : h('p', null, `All ${q} quarters are open.`);
  } else if (r.pacing.mode === 'timer') {
    if (r.startedAt === null)
      pace = h(
        'div',
        { class: 'row pace-row' },
        h('span', null, `Each quarter opens ${r.pacing.seconds} seconds after the one before.`),
        button('Start the clock', () => void run({ type: 'start' }), 'btn primary'),
      );
    else
      pace = h(
        'p',
        null,
        nextInMs !== null
          ? `Quarter ${open} of ${q} is open; quarter ${open + 1} opens in ${Math.ceil(nextInMs / 1000)} s.`
          : `All ${q} quarters are open.`,
      );
  } else pace = h('p', null, `Self-paced: all ${q} quarters are open.`);
  const release = (flag: 'debrief' | 'bestPath' | 'whatIf', label: string) =>
    r.release[flag]
      ? h('span', { class: 'badge ok' }, `${label}: released`)
      : button(
          `Release ${label}`,
          () => void run({ type: 'release', release: { [flag]: true } }),
          'btn',
        );
  // releasing the debrief ends play (the server stops whoever has not finished): the
  // button says so while anyone still plays, and the line under it says who stopped
  const playing = view.players.filter((p) => p.situationId !== null && p.situationId !== '');
  const debrief =
    !r.release.debrief && playing.length > 0
      ? h(
          'button',
          {
            class: 'btn',
            attrs: { type: 'button', 'aria-describedby': 'room-end-note' },
            on: { click: () => void run({ type: 'release', release: { debrief: true } }) },
          },
          'End play and release the debrief',
        )
      : release('debrief', 'the debrief');
  const endNote = !r.release.debrief
    ? playing.length > 0
      ? `${playing.length} ${playing.length === 1 ? 'trainee has' : 'trainees have'} not finished: releasing the debrief ends play, and they stop where they are, with no score.`
      : null
    : r.endedAt !== undefined
      ? `Play ended when you released the debrief${playing.length ? `: ${playing.length} stopped before the end, with no score` : ''}.`
      : null;
  replace(
    el,
    h('h2', { id: 'room-pace-h' }, `${r.scenario.title} · market #${r.seed}`),
    pace,
    h(
      'div',
      { class: 'row' },
      debrief,
      release('bestPath', 'the best path'),
      release('whatIf', 'the what-if'),
    ),
    endNote ? h('p', { id: 'room-end-note', class: 'hint' }, endNote) : null,
  );
}

function drawSplits(
  el: HTMLElement,
  view: FacilitatorView,
  scenario: { def: ScenarioDef; hash: string } | null,
  games: readonly Accepted[] | null,
): void {
  if (!scenario || !games) {
    replace(el, h('h2', null, 'How the room decides'), h('p', { class: 'empty' }, 'Loading…'));
    return;
  }
  // how each reply fared is the class dashboard's, after the games: here only who took what
  const reached = decisionSplits(scenario.def, view.room.seed, games, null).filter(
    (d) => d.reached > 0,
  );
  replace(
    el,
    roomMarketNote(scenario.def, view.room.seed),
    h('h2', null, 'How the room decides'),
    reached.length === 0 ? h('p', { class: 'empty' }, 'No decisions yet.') : null,
    ...reached.map((d) =>
      h(
        'div',
        { class: 'decision', attrs: { 'data-situation': d.situation } },
        h('h3', null, `${d.title} · ${d.reached} decided`),
        ...d.options.map((o) => {
          const share = d.reached ? o.count / d.reached : 0;
          return h(
            'div',
            { class: 'opt', attrs: { 'data-choice': o.choice } },
            h('span', null, o.label),
            h(
              'div',
              { class: 'bar', attrs: { 'aria-hidden': 'true' } },
              h('div', { attrs: { style: `width:${(share * 100).toFixed(1)}%` } }),
            ),
            h('span', { class: 'num' }, `${o.count} (${Math.round(share * 100)}%)`),
          );
        }),
      ),
    ),
  );
}
