import type { ScenarioIssue } from '../scenario/errors.ts';
import type { LoadResult } from '../scenario/load.ts';
import { checksNotYetRun } from '../scenario/stages.ts';
import { askToConfirm } from '../ui/confirm-dialog.ts';
import { askForBalance } from './balance-request.ts';
import { createChecker } from './check-client.ts';
import { button, download, dropZone, field, h, replace } from './dom.ts';
import { editorText, setEditorResult, setEditorText } from './editor-state.ts';
import { safeFileStem } from './file-stem.ts';
import { gameLink, randomId } from './game-link.ts';
import { bundledIdClash } from './id-clash.ts';
import { BUNDLED, bundledYaml } from './scenarios.ts';

// The authoring loop: open, drop or type a scenario file; the errors appear with their
// line as the facilitator types; a click on one puts the caret on that line; a valid
// file can be played at once, in a new tab, through a workshop-style preview link. The
// check runs in a worker with a time limit, so no file, however large, freezes the page.

const CHECK_DELAY_MS = 300;

/**
 * A field's path with a line-break opportunity before each step ("situations[0]" ·
 * ".choices[1]" · ".effects"), so a narrow column wraps it between names, never mid-word.
 */
function pathParts(path: string): (string | HTMLElement)[] {
  return path.split(/(?=[.[])/).flatMap((part, i) => (i === 0 ? [part] : [h('wbr'), part]));
}

export function authoringPanel(go: (tab: string) => void): HTMLElement {
  const textarea = h('textarea', {
    class: 'code',
    id: 'yaml-editor',
    attrs: {
      spellcheck: 'false',
      wrap: 'off',
      'aria-label': 'Scenario file (YAML)',
      'aria-describedby': 'yaml-editor-keys',
      autocapitalize: 'off',
    },
  });
  const gutter = h('div', { class: 'gutter', attrs: { 'aria-hidden': 'true' } });
  const fileName = h('span', { class: 'file-name' });
  const status = h('div', {
    class: 'check-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const issues = h('ol', { class: 'issues', attrs: { 'aria-label': 'Errors' } });
  const warnings = h('ol', { class: 'issues warnings', attrs: { 'aria-label': 'Warnings' } });
  const seed = h('input', { attrs: { type: 'text', value: '1', inputmode: 'numeric', size: '6' } });
  const play = h(
    'a',
    {
      class: 'btn primary disabled',
      attrs: { role: 'link', target: '_blank', rel: 'noopener', 'aria-disabled': 'true' },
    },
    'Play it now ↗',
  );
  const fileInput = h('input', {
    class: 'visually-hidden',
    attrs: { type: 'file', accept: '.yaml,.yml,text/yaml', 'aria-label': 'Open a scenario file' },
  });
  const startFrom = h(
    'select',
    { attrs: { 'aria-label': 'Start from a bundled scenario' } },
    h('option', { attrs: { value: '' } }, 'Start from a bundled scenario…'),
    ...BUNDLED.map((b) => h('option', { attrs: { value: b.scenario.id } }, b.scenario.title)),
  );

  const checker = createChecker();
  let version = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastIssues: ScenarioIssue[] = [];
  let lastResult: LoadResult | null = null;

  const lineHeight = () => Number.parseFloat(getComputedStyle(textarea).lineHeight) || 20;

  // the line numbers in runs, one element per run and per line with an error: one element
  // per line took seconds on every keystroke in a file of 40,000 lines
  let gutterDrawn = '';
  function drawGutter(): void {
    let lines = 1;
    for (let i = textarea.value.indexOf('\n'); i !== -1; i = textarea.value.indexOf('\n', i + 1)) {
      lines++;
    }
    const bad = [...new Set(lastIssues.map((i) => i.line))]
      .filter((l) => l <= lines)
      .sort((a, b) => a - b);
    const drawn = `${lines}:${bad.join(',')}`;
    if (drawn !== gutterDrawn) {
      gutterDrawn = drawn;
      const frag = document.createDocumentFragment();
      let from = 1;
      const run = (to: number) => {
        if (to < from) return;
        const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i).join('\n');
        frag.append(h('div', { attrs: { style: 'white-space: pre' } }, numbers));
      };
      for (const line of bad) {
        run(line - 1);
        frag.append(h('div', { class: 'bad' }, String(line)));
        from = line + 1;
      }
      run(lines);
      gutter.replaceChildren(frag);
    }
    gutter.scrollTop = textarea.scrollTop;
  }

  function goToLine(line: number, col: number): void {
    const lines = textarea.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    offset += Math.max(0, Math.min(col - 1, lines[line - 1]?.length ?? 0));
    textarea.focus();
    textarea.setSelectionRange(offset, offset);
    textarea.scrollTop = Math.max(0, (line - 1) * lineHeight() - textarea.clientHeight / 3);
    gutter.scrollTop = textarea.scrollTop;
  }

  const issueItem = (i: ScenarioIssue, kind: 'error' | 'warning') =>
    h(
      'li',
      null,
      h(
        'button',
        {
          class: `issue ${kind}`,
          attrs: { type: 'button', 'data-line': String(i.line), title: `Go to line ${i.line}` },
          on: { click: () => goToLine(i.line, i.col) },
        },
        h('span', { class: 'pos' }, `${i.line}:${i.col}`),
        h(
          'span',
          { class: 'msg' },
          i.path ? h('code', { class: 'path' }, ...pathParts(i.path)) : null,
          ' ',
          i.message,
        ),
      ),
    );

  function show(result: LoadResult | null): void {
    lastResult = result;
    setEditorResult(result);
    lastIssues = result && !result.ok ? result.issues : [];
    drawGutter();
    if (result === null) {
      replace(
        status,
        h('span', { class: 'badge muted' }, 'Empty'),
        ' Open, drop or paste a scenario file.',
      );
    } else if (result.ok) {
      nameAfter(result.scenario.id);
      replace(
        status,
        h('span', { class: 'badge ok' }, '✓ Valid'),
        ' ',
        h('strong', null, result.scenario.title),
        ` — ${result.scenario.quarters} quarters, ${result.scenario.situations.length} situations`,
      );
    } else {
      const n = result.problems;
      // errors of an early stage hide the later checks: say so, or fixing them seems to
      // bring new errors from nowhere
      const later = checksNotYetRun(result.stage, n);
      replace(
        status,
        h('span', { class: 'badge bad' }, `${n.toLocaleString('en')} error${n === 1 ? '' : 's'}`),
        n > result.issues.length ? ' The first ones are listed.' : '',
        ' Click one to go to its line.',
        later ? h('span', { class: 'checks-later' }, later) : null,
      );
    }
    replace(issues, ...lastIssues.map((i) => issueItem(i, 'error')));
    const clash = bundledIdClash(result, textarea.value, BUNDLED);
    const warns = [...(clash ? [clash] : []), ...(result?.warnings ?? [])];
    replace(warnings, ...warns.map((i) => issueItem(i, 'warning')));
    warnings.hidden = warns.length === 0;
    warningsTitle.hidden = warns.length === 0;
    updatePlay(result);
  }

  function updatePlay(result: LoadResult | null): void {
    const ok = result?.ok === true;
    play.classList.toggle('disabled', !ok);
    play.setAttribute('aria-disabled', String(!ok));
    if (ok) {
      const s = seed.value.trim() || '1';
      play.href = gameLink({
        kind: 'workshop',
        name: `Preview: ${result.scenario.title}`.slice(0, 120),
        session: `preview-${randomId()}`,
        seed: s,
        yaml: textarea.value,
      });
    } else play.removeAttribute('href');
    for (const b of [balanceBtn, linkBtn]) b.disabled = !ok;
  }

  async function check(): Promise<void> {
    const mine = ++version;
    const text = textarea.value;
    if (text.trim() === '') {
      checker.stop();
      show(null);
      return;
    }
    replace(status, h('span', { class: 'badge muted' }, 'Checking…'));
    const outcome = await checker.check(text, editorText().file);
    if (mine !== version) return;
    if (outcome.kind === 'done') show(outcome.result);
    else if (outcome.kind === 'timeout') outOfTime(outcome.seconds);
  }

  /** Says plainly that the file is not checked, and why; the text stays as it is. */
  function outOfTime(seconds: number): void {
    show(null);
    replace(
      status,
      h('span', { class: 'badge bad' }, 'Not checked'),
      ` The check ran out of time: it was stopped after ${seconds} seconds, so this file has not been checked and cannot be played yet. Your text is kept. A scenario is a few pages long: shorten the file, or check it with npm run scenario:check.`,
    );
  }

  /** The file is named after its id, as the guide asks: in the bar, and when downloaded. */
  function nameAfter(id: string): void {
    const stem = safeFileStem(id);
    if (stem === null || fileName.textContent === `${stem}.yaml`) return;
    fileName.textContent = `${stem}.yaml`;
    setEditorText(textarea.value, `${stem}.yaml`);
  }

  /** Downloads the text as it is, valid or not, under the name its id gives it. */
  async function downloadFile(): Promise<void> {
    const text = textarea.value;
    const { scenarioFileName } = await import('./file-name.ts');
    const name = scenarioFileName(text, editorText().file);
    fileName.textContent = name;
    setEditorText(text, name);
    download(name, text, 'text/yaml');
  }

  function load(text: string, file: string): void {
    textarea.value = text;
    setEditorText(text, file);
    fileName.textContent = file;
    drawGutter();
    void check();
  }

  textarea.addEventListener('input', () => {
    setEditorText(textarea.value);
    drawGutter();
    clearTimeout(timer);
    timer = setTimeout(() => void check(), CHECK_DELAY_MS);
  });
  textarea.addEventListener('scroll', () => {
    gutter.scrollTop = textarea.scrollTop;
  });
  // a tab key in a YAML editor should indent, not leave the field; Escape then Tab leaves
  let escaped = false;
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') escaped = true;
    else if (e.key === 'Tab' && !e.shiftKey && !escaped) {
      e.preventDefault();
      textarea.setRangeText('  ', textarea.selectionStart, textarea.selectionEnd, 'end');
      textarea.dispatchEvent(new Event('input'));
    } else escaped = false;
  });
  seed.addEventListener('input', () => updatePlay(ownResult()));
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (f) load(await f.text(), f.name);
    fileInput.value = '';
  });
  startFrom.addEventListener('change', async () => {
    const id = startFrom.value;
    startFrom.value = '';
    if (!id) return;
    if (textarea.value.trim()) {
      const replace = await askToConfirm(
        {
          title: 'Replace the text in the editor?',
          consequences: [
            `The editor's scenario gives way to a copy of "${id}". Download it first (Download .yaml) to keep it.`,
          ],
          yes: 'Replace it',
        },
        () => startFrom,
      );
      if (!replace) return;
    }
    const text = await bundledYaml(id);
    if (text !== null) load(text, `${id}-copy.yaml`);
  });

  const warningsTitle = h('h2', { class: 'sub' }, 'Warnings');
  // the facilitator asked for the report: it starts as the tab opens, its progress shown there
  const balanceBtn = button('Check its balance', () => {
    askForBalance();
    go('balance');
  });
  const linkBtn = button('Make a workshop link', () => go('link'));
  const ownResult = (): LoadResult | null => lastResult;
  const editor = h('div', { class: 'editor' }, gutter, textarea);
  dropZone(editor, (files) => {
    const f = files[0]!;
    void f.text().then((t) => load(t, f.name));
  });

  const panel = h(
    'section',
    { class: 'panel authoring', attrs: { 'aria-labelledby': 'author-title' } },
    h(
      'div',
      { class: 'panel-head' },
      h(
        'div',
        null,
        h('h1', { id: 'author-title' }, 'Write and check a scenario'),
        h(
          'p',
          { class: 'lead' },
          'Open or drop a scenario file, or type. Errors appear with their line as you type.',
        ),
      ),
      h(
        'div',
        { class: 'toolbar' },
        h('label', { class: 'btn', attrs: { for: 'yaml-file' } }, 'Open file…'),
        startFrom,
        button('Download .yaml', () => void downloadFile()),
      ),
    ),
    h(
      'div',
      { class: 'author-grid' },
      h(
        'div',
        { class: 'editor-wrap' },
        h(
          'div',
          { class: 'editor-bar' },
          fileName,
          h('span', { class: 'hint' }, 'Drop a .yaml file here'),
        ),
        editor,
        // Tab indents inside the editor, so the way out must be said where it is seen
        h(
          'p',
          { class: 'hint editor-keys', id: 'yaml-editor-keys' },
          'Tab indents here. To leave the editor with the keyboard, press Esc, then Tab.',
        ),
      ),
      h(
        'aside',
        { class: 'check-panel card' },
        status,
        issues,
        warningsTitle,
        warnings,
        h(
          'div',
          { class: 'play-box' },
          h('h2', { class: 'sub' }, 'Try it'),
          field("Seed (the market's luck)", seed),
          h('div', { class: 'row' }, play, balanceBtn, linkBtn),
        ),
      ),
    ),
  );
  fileInput.id = 'yaml-file';
  panel.append(fileInput);

  const initial = editorText();
  textarea.value = initial.text;
  fileName.textContent = initial.file;
  void check();
  return panel;
}
