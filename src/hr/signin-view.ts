import type { Account, Role } from '../room/accounts.ts';
import { asSentence, RoomApiError } from '../room/http.ts';
import { button, h } from '../ui/dom.ts';
import { currentSession, signIn, signOut } from './session-api.ts';
import './signin.css';

// "Sign in to the server", on HR's page and the facilitator's: the server's address (the
// one that served the page: the session cookie belongs to it alone), a name and a
// password; signed in, who it is and a sign-out button. The page hears every change
// through `onChange`. Names and messages reach the page as text only.

export const ROLE_WORDS: Record<Role, string> = {
  admin: 'admin',
  hr: 'HR',
  facilitator: 'facilitator',
};

export interface SignInOptions {
  /** prefix of the form's element ids, unique on the page */
  idPrefix: string;
  /** the card's heading level, to follow the page's outline */
  heading: 'h2' | 'h3';
  /** what signing in gives on this page, in a sentence */
  purpose: string;
  onChange: (account: Account | null) => void;
}

function failure(err: unknown): string {
  if (!(err instanceof RoomApiError)) return String(err);
  if (err.code === 'unauthorized' && /wrong name or password/.test(err.message))
    return 'Wrong name or password. Check both and try again.';
  if (err.code === 'offline')
    return 'The server cannot be reached. Check the connection (or that the server is running) and try again.';
  // the server says which limit and how long to wait: from this address, or for this account
  if (err.code === 'rate_limited') return asSentence(err.message);
  return `Not signed in: ${err.message}`;
}

export function signInPanel(o: SignInOptions): HTMLElement {
  const id = (name: string) => `${o.idPrefix}-${name}`;
  const status = h('p', {
    class: 'status signin-status',
    id: id('status'),
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const body = h('div');
  const panel = h(
    'div',
    { class: 'card signin', attrs: { role: 'group', 'aria-labelledby': id('title') } },
    h(o.heading, { id: id('title') }, 'Sign in to the server'),
    body,
    status,
  );

  const showSignedIn = (account: Account) => {
    body.replaceChildren(
      h(
        'p',
        { class: 'signin-who', attrs: { 'data-signed-in': account.name } },
        'Signed in as ',
        h('strong', null, account.name),
        ` (${ROLE_WORDS[account.role]}) on ${window.location.host}.`,
      ),
      h(
        'div',
        { class: 'row' },
        button(
          'Sign out',
          () => {
            signOut()
              .then(() => {
                status.textContent = `${account.name} is signed out.`;
                showForm();
                o.onChange(null);
              })
              .catch((err: unknown) => {
                status.textContent = `Still signed in: ${err instanceof Error ? err.message : String(err)}`;
              });
          },
          { class: 'btn', attrs: { id: id('sign-out') } },
        ),
      ),
    );
  };

  const showForm = () => {
    const server = h('input', {
      id: id('server'),
      attrs: { type: 'text', readonly: '', value: window.location.origin },
    });
    const name = h('input', {
      id: id('name'),
      attrs: { type: 'text', autocomplete: 'username', spellcheck: 'false', maxlength: '64' },
    });
    const password = h('input', {
      id: id('password'),
      attrs: { type: 'password', autocomplete: 'current-password', maxlength: '1024' },
    });
    const labelled = (label: string, control: HTMLElement, hint?: string) =>
      h(
        'div',
        { class: 'field' },
        h('label', { attrs: { for: control.id } }, label),
        control,
        hint ? h('p', { class: 'hint' }, hint) : null,
      );
    const submit = async () => {
      if (!name.value.trim() || !password.value) {
        status.classList.add('signin-error');
        status.textContent = 'Type your name and your password.';
        return;
      }
      status.textContent = 'Signing in…';
      status.classList.remove('signin-error');
      try {
        const session = await signIn({ name: name.value.trim(), password: password.value });
        password.value = '';
        if (!session.account) throw new Error('the server did not sign you in');
        status.textContent = '';
        showSignedIn(session.account);
        o.onChange(session.account);
      } catch (err) {
        password.value = '';
        status.textContent = failure(err);
        status.classList.add('signin-error');
        password.focus();
      }
    };
    body.replaceChildren(
      h('p', { class: 'hint' }, o.purpose),
      h(
        'form',
        {
          class: 'signin-form',
          on: {
            submit: (e) => {
              // the page signs in itself; the form only gives Enter and the password manager
              e.preventDefault();
              void submit();
            },
          },
        },
        labelled(
          'Server address',
          server,
          'The server this page came from: the sign-in is kept for it alone.',
        ),
        labelled('Name', name),
        labelled('Password', password),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            { class: 'btn btn-primary', attrs: { type: 'submit', id: id('submit') } },
            'Sign in',
          ),
        ),
      ),
    );
  };

  /** A server without accounts: said at once, with no form to try in vain. */
  const showOff = () => {
    body.replaceChildren(
      h(
        'p',
        { class: 'signin-off', attrs: { 'data-sign-in': 'off' } },
        `Signing in is off on ${window.location.host}: no accounts are set up on this server. Nothing here needs one: each room and assignment is run with the key it gives you when it is made. For accounts, the server's admin sets TOW_ACCOUNTS (docs/server.md).`,
      ),
    );
  };

  showForm();
  currentSession()
    .then((session) => {
      if (session.signInOff) return showOff();
      if (!session.account) return;
      showSignedIn(session.account);
      o.onChange(session.account);
    })
    .catch(() => {
      // an older server without accounts: the form stays, and says why when used
    });
  return panel;
}
