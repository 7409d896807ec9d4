import type { Account } from '../room/accounts.ts';
import { RoomApiError } from '../room/http.ts';
import type { RegisteredPlatform } from '../room/lti-platforms.ts';
import { askToConfirm } from '../ui/confirm-dialog.ts';
import { button, h } from '../ui/dom.ts';
import { field } from './assign-view.ts';
import { platformForm } from './platform-form.ts';
import { platformList } from './platform-list.ts';
import { removeDeploymentQuestion, removePlatformQuestion } from './platform-removal.ts';
import {
  platformsOnServer,
  registerPlatform,
  removeDeployment,
  removePlatform,
} from './platforms-api.ts';
import { failureSentence, secretInput, statusLine } from './section-parts.ts';
import { ROLE_WORDS } from './signin-view.ts';
import './platforms.css';

// "Learning platforms (LTI)" on HR's page served by the game's server: the platforms whose
// courses may open the game, with their deployments; registering one (or adding a
// deployment to it), removing a deployment or a whole platform (asked first, in the page,
// with what stops working), as the server's admin: signed in with an admin account, or
// with the server's admin secret typed here. The addresses to give the platform are shown
// with the list. Refusals are said at their field or in the status; what was typed stays.

export interface PlatformsSection {
  element: HTMLElement;
  /** someone signed in or out above: an admin sees the platforms at once */
  accountChanged(account: Account | null): void;
}

function toolAddresses(tool: { loginUrl: string; targetLinkUrl: string; jwksUrl: string }) {
  const line = (term: string, value: string) => [
    h('dt', null, term),
    h('dd', null, h('code', null, value)),
  ];
  return h(
    'div',
    { class: 'lti-tool' },
    h('h3', null, 'Addresses to give the platform'),
    h(
      'p',
      { class: 'hint' },
      'In the platform, add an LTI 1.3 tool with these addresses; it then shows the issuer, client id, deployment id and its own addresses to register below.',
    ),
    h(
      'dl',
      null,
      ...line('Tool, redirect and deep-linking URL', tool.targetLinkUrl),
      ...line('OpenID Connect login URL', tool.loginUrl),
      ...line('Public keyset (JWKS) URL', tool.jwksUrl),
    ),
  );
}

export function platformsSection(): PlatformsSection {
  const secret = secretInput('lti-secret');
  const status = statusLine('lti-status');
  const listed = h('div');
  const tool = h('div');

  const show = async (said?: string) => {
    try {
      const answer = await platformsOnServer(secret.value.trim());
      listed.replaceChildren(
        platformList(answer.platforms, { remove, removePlatform: drop, update }),
      );
      tool.replaceChildren(toolAddresses(answer.tool));
      if (said) status.textContent = said;
      else {
        const n = answer.platforms.length;
        status.textContent =
          n === 0
            ? 'No platform is registered yet.'
            : `${n === 1 ? 'One platform is' : `${n} platforms are`} registered.`;
      }
    } catch (err) {
      status.textContent = `${said ? `${said} ` : ''}The platforms could not be read: ${failureSentence(err)}`;
    }
  };

  const form = platformForm((registration) => {
    form.say('Registering…');
    registerPlatform(secret.value.trim(), registration)
      .then((answer) => {
        form.say(answer.message);
        return show();
      })
      .catch((err: unknown) => {
        // only the server's refusal of the fields goes under them; the fields keep what was typed
        if (!(err instanceof RoomApiError && err.code === 'malformed')) {
          form.say(`The platform was not registered: ${failureSentence(err)}`);
          return;
        }
        const elsewhere = form.showRefusal(err.message);
        form.say(
          `The platform was not registered: ${
            elsewhere.length > 0 ? elsewhere.join(' ') : 'see the fields marked above.'
          }`,
        );
      });
  });

  /** After a removal: the list read again, and the keyboard put at its start. */
  const removed = async (said: string) => {
    await show(said);
    document.getElementById('lti-list-title')?.focus();
  };

  async function remove(p: RegisteredPlatform, deployment: string, from: HTMLElement) {
    if (!(await askToConfirm(removeDeploymentQuestion(p, deployment), () => from))) return;
    status.textContent = `Removing deployment “${deployment}” of ${p.name}…`;
    try {
      await removed((await removeDeployment(secret.value.trim(), p.id, deployment)).message);
    } catch (err) {
      status.textContent = `The deployment was not removed: ${failureSentence(err)}`;
      from.focus();
    }
  }

  async function drop(p: RegisteredPlatform, from: HTMLElement) {
    if (!(await askToConfirm(removePlatformQuestion(p), () => from))) return;
    status.textContent = `Removing ${p.name}…`;
    try {
      await removePlatform(secret.value.trim(), p.id);
      await removed(`${p.name} is removed: its courses can no longer open the game.`);
    } catch (err) {
      status.textContent = `The platform was not removed: ${failureSentence(err)}`;
      from.focus();
    }
  }

  function update(p: RegisteredPlatform) {
    form.fillFrom(p);
    status.textContent = `${p.name} is in the form below: add its new deployment ids, or change its name or addresses, then register it again.`;
  }

  const element = h(
    'section',
    { class: 'panel hr-section', attrs: { 'aria-labelledby': 'lti-title' } },
    h('h2', { id: 'lti-title' }, 'Learning platforms (LTI)'),
    h(
      'p',
      { class: 'hint' },
      'A course in Moodle, Canvas, Blackboard or Brightspace opens the game once its platform is registered here. This is for the server’s admin: sign in above with an admin account, or give the server’s admin secret.',
    ),
    field(
      'The server’s admin secret',
      secret,
      'Not needed when you are signed in with an admin account.',
    ),
    h(
      'div',
      { class: 'row' },
      button('Show the platforms', () => void show(), {
        class: 'btn btn-primary',
        attrs: { id: 'lti-show' },
      }),
    ),
    status,
    listed,
    tool,
    h('h3', null, 'Register a platform, or add a deployment'),
    h(
      'p',
      { class: 'hint' },
      'Registering the same issuer and client id again adds the deployment ids you give and takes the new name and addresses; the deployments already registered stay.',
    ),
    form.element,
  );

  return {
    element,
    accountChanged(account) {
      if (account?.role === 'admin') return void show();
      if (account)
        status.textContent = `You are signed in as ${account.name} (${ROLE_WORDS[account.role]}): learning platforms are for admin accounts. Give the server’s admin secret, or ask the server’s admin.`;
    },
  };
}
