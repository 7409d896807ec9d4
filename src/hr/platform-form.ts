import { asSentence } from '../room/http.ts';
import {
  type PlatformField,
  type PlatformRegistration,
  platformProblems,
  platformRegistrationSchema,
  type RegisteredPlatform,
} from '../room/lti-platforms.ts';
import { h } from '../ui/dom.ts';
import { statusLine } from './section-parts.ts';

// The form that registers a learning platform on HR's page (platforms-view.ts): one field
// for each thing the platform's tool registration shows, checked with the server's own
// schema before it is sent, and every problem, the page's or the server's, shown under
// its field; what came of sending it is said under its button, where a phone's reader is
// looking. What is typed stays in the fields whatever happens, and reaches the page only
// as field values and text.

interface FieldSpec {
  label: string;
  hint?: string;
}

const FIELDS: Record<PlatformField, FieldSpec> = {
  name: { label: 'Name', hint: 'How you will know it here, for example “Moodle, Sales academy”.' },
  issuer: { label: 'Issuer', hint: 'The platform’s address as its tool registration shows it.' },
  clientId: { label: 'Client id', hint: 'The id the platform gave the game when it was added.' },
  deploymentIds: {
    label: 'Deployment ids',
    hint: 'One or more, separated by commas. They are added to those already registered: courses on the others keep working.',
  },
  authUrl: { label: 'Authorisation (OIDC login) URL' },
  tokenUrl: { label: 'Access token URL' },
  jwksUrl: { label: 'Public keyset (JWKS) URL' },
};

const ORDER = Object.keys(FIELDS) as PlatformField[];
const isField = (key: string): key is PlatformField => key in FIELDS;

export interface PlatformForm {
  element: HTMLElement;
  /** the fields filled from a registered platform, to update it (deployments left to add) */
  fillFrom(p: RegisteredPlatform): void;
  /** the server's refusal ("deploymentIds: …; issuer: …"), each part under its field */
  showRefusal(message: string): string[];
  clearProblems(): void;
  /** what came of the registration, said under the button */
  say(text: string): void;
}

/** `submit` is given the checked registration; the form shows the page's own problems. */
export function platformForm(
  submit: (registration: PlatformRegistration) => void,
  idPrefix = 'lti',
): PlatformForm {
  const inputs = new Map<PlatformField, HTMLInputElement>();
  const problems = new Map<PlatformField, HTMLElement>();
  const rows = ORDER.map((key) => {
    const id = `${idPrefix}-${key}`;
    const spec = FIELDS[key];
    const input = h('input', {
      id,
      attrs: {
        type: 'text',
        spellcheck: 'false',
        autocomplete: 'off',
        'aria-describedby': `${id}-problem${spec.hint ? ` ${id}-hint` : ''}`,
      },
    });
    const problem = h('p', { class: 'field-problem', id: `${id}-problem` });
    inputs.set(key, input);
    problems.set(key, problem);
    return h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: id } }, spec.label),
      input,
      problem,
      spec.hint ? h('p', { class: 'hint', id: `${id}-hint` }, spec.hint) : null,
    );
  });

  const clearProblems = () => {
    for (const key of ORDER) {
      problems.get(key)!.textContent = '';
      inputs.get(key)!.removeAttribute('aria-invalid');
    }
  };

  /** Each problem under its field; those of no field are given back to be said elsewhere. */
  const place = (list: { field: string; message: string }[]): string[] => {
    clearProblems();
    const elsewhere: string[] = [];
    for (const { field, message } of list) {
      if (!isField(field)) {
        elsewhere.push(asSentence(message));
        continue;
      }
      const own = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
      const at = problems.get(field)!;
      at.textContent = `${at.textContent ? `${at.textContent} ` : ''}${asSentence(own)}`;
      inputs.get(field)!.setAttribute('aria-invalid', 'true');
    }
    const first = ORDER.find((key) => inputs.get(key)!.hasAttribute('aria-invalid'));
    if (first) inputs.get(first)!.focus();
    return elsewhere;
  };

  const outcome = statusLine(`${idPrefix}-register-status`);
  const typed = (key: PlatformField) => inputs.get(key)!.value;
  const onSubmit = (e: SubmitEvent) => {
    // the page sends it itself; the form gives Enter and the fields' labels
    e.preventDefault();
    const parsed = platformRegistrationSchema.safeParse({
      ...Object.fromEntries(ORDER.map((key) => [key, typed(key)])),
      deploymentIds: typed('deploymentIds')
        .split(',')
        .map((d) => d.trim())
        .filter((d) => d !== ''),
    });
    if (!parsed.success) {
      place(platformProblems(parsed.error));
      return;
    }
    clearProblems();
    submit(parsed.data);
  };

  const element = h(
    'form',
    { class: 'lti-platform-form', attrs: { novalidate: '' }, on: { submit: onSubmit } },
    ...rows,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { class: 'btn btn-primary', attrs: { type: 'submit', id: `${idPrefix}-register` } },
        'Register the platform',
      ),
    ),
    outcome,
  );

  return {
    element,
    fillFrom(p) {
      for (const key of ORDER) inputs.get(key)!.value = key === 'deploymentIds' ? '' : p[key];
      clearProblems();
      inputs.get('deploymentIds')!.focus();
    },
    showRefusal(message) {
      return place(
        message.split('; ').map((part) => {
          const key = part.slice(0, part.indexOf(':'));
          return { field: isField(key) ? key : '', message: part };
        }),
      );
    },
    clearProblems,
    say(text) {
      outcome.textContent = text;
    },
  };
}
