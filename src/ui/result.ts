import { encodeRecord } from '../record/code.ts';
import { makeRecord, type SessionRecord } from '../record/record.ts';
import type { GameContext } from '../save/format.ts';
import type { SimState } from '../sim/index.ts';
import type { ScenarioEntry } from '../store/types.ts';
import { button, h } from './dom.ts';

// The result of a finished game, for workshops and HR: the session record as a code to
// paste and as a file to keep. Both are checked by replaying the choices, never trusted.

export function recordFor(
  entry: ScenarioEntry,
  sim: SimState,
  context: GameContext,
): SessionRecord {
  const extra: Pick<SessionRecord, 'player' | 'session' | 'attempt'> = {};
  if (context.kind === 'workshop') extra.session = context.session;
  if (context.kind === 'assignment') {
    extra.session = context.session;
    extra.player = context.trainee;
    if (context.attempt > 0) extra.attempt = context.attempt;
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

// one file link at a time: the last debrief's is released when the next one is made
let fileUrl: string | null = null;

export function renderResult(
  container: HTMLElement,
  entry: ScenarioEntry,
  sim: SimState,
  context: GameContext,
): void {
  const record = recordFor(entry, sim, context);
  const code = encodeRecord(record);
  const field = h('textarea', {
    class: 'code',
    id: 'result-code',
    attrs: { readonly: '', rows: '3', spellcheck: 'false' },
  });
  field.value = code;
  const status = h('p', { class: 'status', attrs: { role: 'status' } });
  const file = new Blob([`${JSON.stringify(record, null, 2)}\n`], { type: 'application/json' });
  const name = `tug-of-war-${record.scenario}-${record.seed}${record.player ? `-${record.player.replace(/[^\w-]+/g, '_')}` : ''}.json`;
  if (fileUrl) URL.revokeObjectURL(fileUrl);
  fileUrl = URL.createObjectURL(file);
  const download = h(
    'a',
    { class: 'btn', attrs: { href: fileUrl, download: name } },
    'Download the result file',
  );
  container.replaceChildren(
    h(
      'p',
      null,
      context.kind === 'practice'
        ? 'Your result code carries your choices; anyone can replay it to check the score.'
        : 'Hand in this code or the file: your facilitator or HR replays your choices to check the score.',
    ),
    h('label', { attrs: { for: 'result-code' } }, 'Result code'),
    field,
    h(
      'div',
      { class: 'row' },
      button('Copy the result code', () => void copy(code, field, status), {
        class: 'btn btn-primary',
      }),
      download,
    ),
    status,
  );
}
