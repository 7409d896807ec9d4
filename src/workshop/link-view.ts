import QRCode from 'qrcode';
import { counted } from '../lib/counted.ts';
import type { WorkshopLink } from '../links/links.ts';
import { localOnlyNote } from '../links/public-url.ts';
import { button, download, field, h, replace } from './dom.ts';
import { onEditorResult, ownScenario } from './editor-state.ts';
import { gameLink, randomId, randomSeed } from './game-link.ts';
import { BUNDLED, checkYaml, type ScenarioChoice } from './scenarios.ts';
import { saveWorkshop } from './sessions.ts';

// One link and one QR code for the whole room: the same scenario, the same seed, the
// workshop's name. A facilitator's own scenario travels inside the link, compressed; when
// that makes the link too long for a QR code, the page says so and offers the file.

const OWN = '__editor__';
const FILE = '__file__';
/** Byte capacity of the largest QR code (version 40) at error correction level L. */
export const QR_MAX = 2953;
/** Beyond this a QR code gets dense enough to need a large, sharp projection. */
export const QR_DENSE = 1200;

export function linkPanel(go: (tab: string) => void): HTMLElement {
  const source = h('select', { id: 'link-source' });
  const name = h('input', {
    id: 'link-name',
    attrs: { type: 'text', maxlength: '120', placeholder: 'e.g. Berlin sales academy, 3 March' },
  });
  const seed = h('input', {
    id: 'link-seed',
    attrs: { type: 'text', maxlength: '40', value: randomSeed() },
  });
  const fileInput = h('input', {
    attrs: { type: 'file', accept: '.yaml,.yml', 'aria-label': 'Scenario file for the workshop' },
  });
  const fileNote = h('p', { class: 'hint' });
  const out = h('div', { class: 'stack', attrs: { 'aria-live': 'polite' } });
  let fromFile: ScenarioChoice | null = null;

  function fillSources(): void {
    const keep = source.value;
    const own = ownScenario();
    replace(
      source,
      ...BUNDLED.map((b) =>
        h('option', { attrs: { value: b.scenario.id } }, `${b.scenario.title} (bundled)`),
      ),
      own ? h('option', { attrs: { value: OWN } }, `${own.scenario.title} (in the editor)`) : null,
      h(
        'option',
        { attrs: { value: FILE } },
        fromFile ? `${fromFile.scenario.title} (from a file)` : 'Open a scenario file…',
      ),
    );
    if ([...source.options].some((o) => o.value === keep)) source.value = keep;
    fileRow.hidden = source.value !== FILE;
  }

  function chosen(): ScenarioChoice | null {
    if (source.value === OWN) return ownScenario();
    if (source.value === FILE) return fromFile;
    return BUNDLED.find((b) => b.scenario.id === source.value) ?? null;
  }

  fileInput.addEventListener('change', async () => {
    const f = fileInput.files?.[0];
    if (!f) return;
    const text = await f.text();
    const r = await checkYaml(text, f.name);
    if (r.ok) {
      fromFile = { scenario: r.scenario, hash: r.hash, yaml: text };
      fileNote.textContent = `✓ ${r.scenario.title} is valid.`;
      fileNote.className = 'notice ok';
    } else {
      fromFile = null;
      const first = r.issues[0]!;
      // the message may end in its own question mark: "did you mean rival-offer?"
      const said = /[.?!]$/.test(first.message) ? first.message : `${first.message}.`;
      fileNote.textContent = `${f.name} has ${counted(r.problems, 'error')}. ${r.problems === 1 ? 'It is' : 'The first is'} on line ${first.line}${first.path ? `, at ${first.path}` : ''}: ${said} Fix it on the "Write & check" page.`;
      fileNote.className = 'notice bad';
    }
    fillSources();
    source.value = FILE;
    // the note under the file stays in sight, whichever scenario was chosen before
    fileRow.hidden = false;
  });

  async function create(): Promise<void> {
    const choice = chosen();
    const title = name.value.trim();
    const s = seed.value.trim();
    const problems = [
      choice ? null : 'Choose a scenario (a file of your own must be valid).',
      title ? null : 'Give the workshop a name: trainees see it when they open the link.',
      /^[\w-]{1,40}$/.test(s)
        ? null
        : 'The seed is a number or a short word (letters, digits, - and _).',
    ].filter((p): p is string => p !== null);
    if (problems.length || !choice) {
      replace(out, h('ul', { class: 'notice bad' }, ...problems.map((p) => h('li', null, p))));
      return;
    }
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 30);
    const link: WorkshopLink = {
      kind: 'workshop',
      name: title,
      session: `${slug || 'workshop'}-${randomId()}`,
      seed: s,
      ...(choice.yaml !== undefined ? { yaml: choice.yaml } : { scenario: choice.scenario.id }),
    };
    const url = gameLink(link);
    saveWorkshop({ link, url, created: new Date().toISOString() });
    await show(link, url, choice);
  }

  async function show(link: WorkshopLink, url: string, choice: ScenarioChoice): Promise<void> {
    const urlBox = h('textarea', {
      class: 'link-url',
      attrs: { readonly: '', 'aria-label': 'The workshop link', rows: '3' },
    });
    urlBox.value = url;
    const copied = h('span', { class: 'hint', attrs: { role: 'status' } });
    const copy = button(
      'Copy link',
      async () => {
        try {
          await navigator.clipboard.writeText(url);
          copied.textContent = 'Copied.';
        } catch {
          urlBox.select();
          copied.textContent = 'Select the text and copy it (the browser refused).';
        }
      },
      'btn primary',
    );
    const qr = h('div', { class: 'qr' });
    const notes: HTMLElement[] = [];
    const localOnly = localOnlyNote(url, false);
    if (localOnly) notes.push(h('p', { class: 'notice warn' }, localOnly));
    const bytes = new TextEncoder().encode(url).length;
    if (bytes > QR_MAX) {
      qr.append(h('p', { class: 'hint' }, 'No QR code: the link is too long.'));
      notes.push(
        h(
          'p',
          { class: 'notice warn' },
          `This link is ${url.length.toLocaleString('en')} characters long: more than a QR code can hold (${QR_MAX.toLocaleString('en')}), because your scenario travels inside it. Send the link by chat or email, or hand out the scenario file below.`,
        ),
      );
    } else {
      try {
        const dataUrl = await QRCode.toDataURL(url, {
          errorCorrectionLevel: 'L',
          margin: 2,
          width: 720,
        });
        qr.append(
          h('img', { attrs: { src: dataUrl, alt: `QR code of the link to ${link.name}` } }),
          button(
            'Download QR (PNG)',
            () =>
              void fetch(dataUrl)
                .then((r) => r.blob())
                .then((b) => download(`${link.session}-qr.png`, b)),
          ),
        );
      } catch {
        qr.append(h('p', { class: 'hint' }, 'The QR code could not be drawn.'));
      }
      if (bytes > QR_DENSE) {
        notes.push(
          h(
            'p',
            { class: 'notice warn' },
            `The link is ${url.length.toLocaleString('en')} characters long, so the QR code is dense: project it large and sharp, or send the link as well.`,
          ),
        );
      }
    }
    const fallback =
      choice.yaml !== undefined
        ? h(
            'div',
            { class: 'notice info' },
            'Your own scenario travels inside the link (compressed). As a fallback, give trainees the file: ',
            button('Download the scenario file', () =>
              download(`${choice.scenario.id}.yaml`, choice.yaml!, 'text/yaml'),
            ),
          )
        : null;
    replace(
      out,
      h(
        'div',
        { class: 'card link-result' },
        h('p', { class: 'hint' }, 'Workshop'),
        h('h2', { class: 'session-title' }, link.name),
        h(
          'div',
          { class: 'link-out' },
          h(
            'div',
            null,
            h(
              'dl',
              { class: 'facts' },
              h('dt', null, 'Scenario'),
              h('dd', null, choice.scenario.title),
              h('dt', null, 'Seed'),
              h('dd', null, link.seed),
              h('dt', null, 'Session id'),
              h('dd', null, h('code', null, link.session)),
              h('dt', null, 'Link length'),
              h('dd', null, `${url.length.toLocaleString('en')} characters`),
            ),
            urlBox,
            h(
              'div',
              { class: 'row' },
              copy,
              h(
                'a',
                { class: 'btn', attrs: { href: url, target: '_blank', rel: 'noopener' } },
                'Open as a trainee ↗',
              ),
              button('Go to the class dashboard', () => go('dashboard')),
              copied,
            ),
            ...notes,
            fallback,
          ),
          qr,
        ),
      ),
    );
  }

  const fileRow = h('div', null, field('Scenario file', fileInput), fileNote);
  source.addEventListener('change', () => {
    fileRow.hidden = source.value !== FILE;
  });
  const panel = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'link-title' } },
    h(
      'div',
      { class: 'panel-head' },
      h(
        'div',
        null,
        h('h1', { id: 'link-title' }, 'One link for the room'),
        h(
          'p',
          { class: 'lead' },
          'Everyone plays the same market: same scenario, same seed. Their result codes carry this session, so the dashboard knows them.',
        ),
      ),
    ),
    h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'grid-3' },
        field('Workshop name', name, 'Trainees see it in the game'),
        field('Scenario', source),
        field('Seed', seed, "The market's luck; everyone gets the same"),
      ),
      fileRow,
      button('Create the link', () => void create(), 'btn primary'),
    ),
    out,
  );
  fillSources();
  onEditorResult(fillSources);
  panel.addEventListener('shown', fillSources);
  return panel;
}
