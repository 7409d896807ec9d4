import { encodeRecord } from '../record/code.ts';
import { makeRecord, type RecordExtra, type SessionRecord } from '../record/record.ts';
import { resultFile, resultFileName } from '../record/result-file.ts';
import { dayNumber } from '../record/terms.ts';
import type { GameContext } from '../save/format.ts';
import { PLAYER_NAME_MAX } from '../save/values.ts';
import type { SimState } from '../sim/index.ts';
import type { GameStore } from '../store/game-store.ts';
import type { GameState, ScenarioEntry } from '../store/types.ts';
import { bind } from './debrief/bind.ts';
import { button, h } from './dom.ts';
import { offerFile, releaseFile, releaseFilesIn } from './file-link.ts';

// The result of a finished game, for workshops and HR: the session record as a code to
// paste and as a file to keep. Both are checked by replaying the choices, never trusted.

export function recordFor(
  entry: ScenarioEntry,
  sim: SimState,
  context: GameContext,
  playerName = '',
): SessionRecord {
  const extra: RecordExtra = {};
  if (context.kind === 'workshop') {
    extra.session = context.session;
    if (playerName.trim()) extra.player = playerName.trim().slice(0, PLAYER_NAME_MAX);
  }
  if (context.kind === 'assignment') {
    extra.session = context.session;
    extra.player = context.trainee;
    if (context.attempt > 0) extra.attempt = context.attempt;
    const { passMark, attempts, due } = context;
    extra.terms = { passMark, attempts, ...(due !== undefined ? { due } : {}) };
    // a clock set before 2000 gives no day a code can hold: the result then says none
    if (context.finished !== undefined && dayNumber(context.finished) !== null)
      extra.finished = context.finished;
  }
  return makeRecord(entry.scenario, entry.hash, sim, extra);
}

async function copy(text: string, field: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied. Paste it where your facilitator or HR asked for it.';
  } catch {
    // no clipboard permission (or an old browser): select it for the player to copy
    field.focus();
    field.select();
    status.textContent =
      'Copying is blocked here: the code is selected, press Ctrl+C (or ⌘C) to copy it.';
  }
}

export function renderResult(
  container: HTMLElement,
  store: GameStore,
  entry: ScenarioEntry,
  sim: SimState,
  context: GameContext,
  /** the player took the code or the file away: their result is handed in */
  onHandIn: () => void = () => {},
): void {
  const field = h('textarea', {
    class: 'code',
    id: 'result-code',
    attrs: { readonly: '', rows: '3', spellcheck: 'false' },
  });
  const status = h('p', { class: 'status', attrs: { role: 'status' } });
  // the link owns its file: a new one replaces it, and it is let go with the link
  const download = h(
    'a',
    { class: 'btn', attrs: { href: '#' }, on: { click: () => onHandIn() } },
    'Download the result file',
  );
  let code = '';
  // the code and the file carry the name the player gives (a setting in the store), so
  // both are made again whenever it changes
  const refresh = (name: string) => {
    const record = recordFor(entry, sim, context, name);
    code = encodeRecord(record, entry.scenario);
    field.value = code;
    const file = new Blob([`${JSON.stringify(resultFile(record, entry.scenario), null, 2)}\n`], {
      type: 'application/json',
    });
    offerFile(download, file, resultFileName(record, new Date()));
  };
  const nameRow: HTMLElement[] = [];
  if (context.kind === 'workshop') {
    const input = h('input', {
      id: 'player-name',
      attrs: { type: 'text', maxlength: String(PLAYER_NAME_MAX), autocomplete: 'nickname' },
    });
    input.value = store.getState().settings.playerName;
    input.addEventListener('input', () => store.getState().setPlayerName(input.value));
    nameRow.push(
      h(
        'label',
        { attrs: { for: 'player-name' } },
        'Your name, as the class dashboard should show it',
      ),
      input,
    );
  }
  // a result block drawn again (a new debrief in the same place) lets the last file go
  releaseFilesIn(container);
  container.replaceChildren(
    h(
      'p',
      null,
      context.kind === 'practice'
        ? 'Your result code carries your choices; anyone can replay it to check the score.'
        : 'Hand in this code or the file: your facilitator or HR replays your choices to check the score.',
    ),
    ...nameRow,
    h('label', { attrs: { for: 'result-code' } }, 'Result code'),
    field,
    h(
      'div',
      { class: 'row' },
      button(
        'Copy the result code',
        () => {
          onHandIn();
          void copy(code, field, status);
        },
        {
          class: 'btn btn-primary',
        },
      ),
      download,
    ),
    status,
  );
  const name = (s: GameState) => (context.kind === 'workshop' ? s.settings.playerName : '');
  bind(store, download, name, refresh, () => releaseFile(download));
}
