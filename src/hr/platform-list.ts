import type { RegisteredPlatform } from '../room/lti-platforms.ts';
import { button, h } from '../ui/dom.ts';

// The learning platforms registered with the server, on HR's page (platforms-view.ts): each
// with its issuer, client id, addresses and deployments, a deployment's removal one button
// away (never the last one's: a platform needs one), and a button that puts the platform in
// the form to add deployments or change its addresses. Everything shown is text.

export interface PlatformListActions {
  remove(platform: RegisteredPlatform, deployment: string): void;
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
      : button('Remove', () => act.remove(p, d), {
          class: 'btn btn-small',
          attrs: { 'aria-label': `Remove deployment ${d} of ${p.name}` },
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
    button('Add a deployment or change it', () => act.update(p), {
      class: 'btn',
      attrs: { 'aria-label': `Add a deployment or change it: ${p.name}` },
    }),
  );
}

export function platformList(
  platforms: readonly RegisteredPlatform[],
  act: PlatformListActions,
): HTMLElement {
  return h(
    'div',
    null,
    h('h3', null, `Registered platforms (${platforms.length})`),
    platforms.length === 0
      ? h('p', { class: 'hint' }, 'No learning platform is registered yet: register one below.')
      : h('div', { class: 'lti-platforms' }, ...platforms.map((p) => platformCard(p, act))),
  );
}
