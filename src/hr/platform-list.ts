import type { RegisteredPlatform } from '../room/lti-platforms.ts';
import { button, h } from '../ui/dom.ts';

// The learning platforms registered with the server, on HR's page (platforms-view.ts): each
// with its issuer, client id, addresses and deployments, a deployment's removal one button
// away (never the last one's: a platform needs one), a button that puts the platform in
// the form to add deployments or change its addresses, and one that removes the platform.
// The page asks before anything is removed. Everything shown is text.

export interface PlatformListActions {
  /** `from` is the button pressed, for focus to go back to if nothing is removed */
  remove(platform: RegisteredPlatform, deployment: string, from: HTMLElement): void;
  removePlatform(platform: RegisteredPlatform, from: HTMLElement): void;
  update(platform: RegisteredPlatform): void;
}

function deploymentItem(p: RegisteredPlatform, d: string, act: PlatformListActions) {
  const only = p.deploymentIds.length === 1;
  return h(
    'li',
    null,
    h('code', null, d),
    only
      ? h('span', { class: 'hint' }, ' (the only one: a platform needs one)')
      : button('Remove', (e) => act.remove(p, d, e.currentTarget as HTMLElement), {
          class: 'btn btn-small',
          attrs: { 'aria-label': `Remove deployment ${d} of ${p.name}`, 'aria-haspopup': 'dialog' },
        }),
  );
}

function platformCard(p: RegisteredPlatform, act: PlatformListActions): HTMLElement {
  const line = (term: string, value: string) => [h('dt', null, term), h('dd', null, value)];
  return h(
    'article',
    { class: 'card lti-platform', attrs: { 'aria-label': p.name, 'data-platform': p.id } },
    h('h4', null, p.name),
    h(
      'dl',
      null,
      ...line('Issuer', p.issuer),
      ...line('Client id', p.clientId),
      ...line('Authorisation URL', p.authUrl),
      ...line('Access token URL', p.tokenUrl),
      ...line('Keyset URL', p.jwksUrl),
    ),
    h('p', { class: 'lti-deployments-title' }, `Deployments (${p.deploymentIds.length})`),
    h('ul', { class: 'lti-deployments' }, ...p.deploymentIds.map((d) => deploymentItem(p, d, act))),
    h(
      'div',
      { class: 'row' },
      button('Add a deployment or change it', () => act.update(p), {
        class: 'btn',
        attrs: { 'aria-label': `Add a deployment or change it: ${p.name}` },
      }),
      button('Remove the platform', (e) => act.removePlatform(p, e.currentTarget as HTMLElement), {
        class: 'btn',
        attrs: { 'aria-label': `Remove the platform ${p.name}`, 'aria-haspopup': 'dialog' },
      }),
    ),
  );
}

export function platformList(
  platforms: readonly RegisteredPlatform[],
  act: PlatformListActions,
): HTMLElement {
  return h(
    'div',
    null,
    // focused once a removal is done, so the keyboard goes on from the list
    h(
      'h3',
      { id: 'lti-list-title', attrs: { tabindex: '-1' } },
      `Registered platforms (${platforms.length})`,
    ),
    platforms.length === 0
      ? h('p', { class: 'hint' }, 'No learning platform is registered yet: register one below.')
      : h('div', { class: 'lti-platforms' }, ...platforms.map((p) => platformCard(p, act))),
  );
}
