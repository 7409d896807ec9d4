import { RoomApiError } from '../../room/http.ts';
import { MAX_TIMER_SECONDS, MIN_TIMER_SECONDS } from '../../room/limits.ts';
import type { CreateRoomResponse, Pacing } from '../../room/protocol.ts';
import { field, h, replace } from '../dom.ts';
import { randomSeed } from '../game-link.ts';
import { BUNDLED } from '../scenarios.ts';
import { createRoom } from './api.ts';

// "Run a live room": the scenario (bundled, or a file of the facilitator's own, checked by
// the server with the same positions as scenario:check), the seed, the pacing and what is
// released from the start. The server's refusal is shown as it sent it, line by line.

const OWN = '__own__';

function radio(name: string, value: string, label: string, checked = false): HTMLElement {
  const id = `${name}-${value}`;
  return h(
    'label',
    { class: 'create-room-option', attrs: { for: id } },
    h('input', {
      id,
      attrs: { type: 'radio', name, value, ...(checked ? { checked: '' } : {}) },
    }),
    ` ${label}`,
  );
}

function checkbox(id: string, label: string): { el: HTMLElement; input: HTMLInputElement } {
  const input = h('input', { id, attrs: { type: 'checkbox' } });
  return {
    el: h('label', { class: 'create-room-option', attrs: { for: id } }, input, ` ${label}`),
    input,
  };
}

export function createRoomForm(onCreated: (created: CreateRoomResponse) => void): HTMLElement {
  const scenario = h(
    'select',
    { id: 'room-scenario' },
    ...BUNDLED.map((b) =>
      h(
        'option',
        { attrs: { value: b.scenario.id } },
        `${b.scenario.title} (${b.scenario.quarters} quarters)`,
      ),
    ),
    h('option', { attrs: { value: OWN } }, 'A scenario file of my own…'),
  );
  const file = h('input', {
    id: 'room-file',
    attrs: { type: 'file', accept: '.yaml,.yml,.json,text/yaml,application/json' },
  });
  const fileField = field(
    'Scenario file',
    file,
    'YAML or JSON, as written in the Write & check tab',
  );
  fileField.hidden = true;
  scenario.addEventListener('change', () => {
    fileField.hidden = scenario.value !== OWN;
  });
  const seed = h('input', {
    id: 'room-seed',
    attrs: { type: 'text', value: randomSeed(), maxlength: '40', spellcheck: 'false' },
  });
  const seconds = h('input', {
    id: 'room-seconds',
    attrs: {
      type: 'number',
      value: '120',
      min: String(MIN_TIMER_SECONDS),
      max: String(MAX_TIMER_SECONDS),
    },
  });
  const pacing = h(
    'fieldset',
    { class: 'choices-inline' },
    h('legend', null, 'Pacing'),
    radio('room-pacing', 'gated', 'Gated: I open each quarter', true),
    radio('room-pacing', 'timer', 'A timer per quarter'),
    radio('room-pacing', 'self', 'Self-paced: every quarter open from the start'),
  );
  const secondsField = field(
    'Seconds per quarter',
    seconds,
    `${MIN_TIMER_SECONDS} to ${MAX_TIMER_SECONDS}`,
  );
  secondsField.hidden = true;
  pacing.addEventListener('change', () => {
    secondsField.hidden = pacingValue() !== 'timer';
  });
  const pacingValue = () =>
    pacing.querySelector<HTMLInputElement>('input[name="room-pacing"]:checked')?.value ?? 'gated';
  const debrief = checkbox('room-release-debrief', 'the debrief');
  const bestPath = checkbox('room-release-best', 'the best path');
  const whatIf = checkbox('room-release-whatif', 'the what-if');
  const release = h(
    'fieldset',
    { class: 'choices-inline' },
    h('legend', null, 'Open from the start (otherwise you release each later)'),
    debrief.el,
    bestPath.el,
    whatIf.el,
  );
  const problem = h('div', { attrs: { 'aria-live': 'polite' } });
  const submit = h(
    'button',
    { class: 'btn primary', attrs: { type: 'submit' } },
    'Create the room',
  );
  const form = h(
    'form',
    { class: 'card', attrs: { 'aria-labelledby': 'room-new-h' } },
    h('h2', { id: 'room-new-h' }, 'Run a live room'),
    h(
      'div',
      { class: 'grid-2' },
      field('Scenario', scenario),
      field('Seed (the market)', seed, 'Everyone plays the same market'),
    ),
    fileField,
    pacing,
    secondsField,
    release,
    problem,
    h('div', { class: 'row' }, submit),
  );

  const fail = (message: string, issues: string[] = []) =>
    replace(
      problem,
      h(
        'div',
        { class: 'issues', attrs: { role: 'alert' } },
        h('p', null, h('strong', null, 'The room was not created: '), message),
        issues.length
          ? h('ul', { class: 'issue-list' }, ...issues.map((t) => h('li', null, t)))
          : null,
      ),
    );

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void (async () => {
      let source:
        | { kind: 'bundled'; id: string }
        | { kind: 'upload'; text: string; fileName: string };
      if (scenario.value === OWN) {
        const f = file.files?.[0];
        if (!f) return fail('choose the scenario file first.');
        source = { kind: 'upload', text: await f.text(), fileName: f.name };
      } else source = { kind: 'bundled', id: scenario.value };
      const mode = pacingValue();
      const p: Pacing =
        mode === 'timer'
          ? { mode: 'timer', seconds: Number(seconds.value) }
          : mode === 'self'
            ? { mode: 'self' }
            : { mode: 'gated' };
      submit.disabled = true;
      replace(problem);
      try {
        onCreated(
          await createRoom({
            scenario: source,
            seed: seed.value.trim(),
            pacing: p,
            release: {
              debrief: debrief.input.checked,
              bestPath: bestPath.input.checked,
              whatIf: whatIf.input.checked,
            },
          }),
        );
      } catch (err) {
        if (err instanceof RoomApiError)
          fail(
            err.message,
            err.issues.map((i) => i.text),
          );
        else if (err instanceof Error && err.name === 'ZodError')
          fail('check the seed (letters, digits, dot, underscore, hyphen) and the seconds.');
        else fail(err instanceof Error ? err.message : String(err));
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return form;
}
