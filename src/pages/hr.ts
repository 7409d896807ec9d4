import '../ui/styles.css';
import '../hr/hr.css';
import scenarios from 'virtual:scenarios';
import { assignView } from '../hr/assign-view.ts';
import { HR_HELP, HR_HELP_ABOUT } from '../hr/help-text.ts';
import { rememberedView } from '../hr/remembered-view.ts';
import { verifyView } from '../hr/verify-view.ts';
import { gameAddress } from '../links/public-url.ts';
import { h } from '../ui/dom.ts';
import { pageHelp } from '../ui/help.ts';

// HR's page: assign scored sessions (one link per trainee), then verify what comes back
// and export the cohort's grades. The game is index.html beside this page.

const gameUrl = gameAddress(__TOW_PUBLIC_URL__, window.location.href);
const root = document.getElementById('app')!;
const openGame = () => h('a', { attrs: { href: './index.html' } }, 'Open the game');
const lead = h(
  'p',
  { class: 'lead' },
  'Give each trainee a link to a scored session, then check the results they send back. Nothing is sent to a server: links carry the settings, results carry the game, and this page replays every game to check it. ',
  openGame(),
);
const { glossary, help } = pageHelp(HR_HELP_ABOUT, HR_HELP);
// the assignments this browser remembers: listed after the form that makes them
const remembered = rememberedView(scenarios);
root.replaceChildren(
  // the keyboard's way past the help buttons, as on the game and the workshop page
  h('a', { class: 'skip-link', attrs: { href: '#main' } }, 'Skip to content'),
  h(
    'main',
    { class: 'hr-page', id: 'main', attrs: { tabindex: '-1' } },
    h(
      'div',
      { class: 'hr-head' },
      h('h1', null, 'Tug of War for HR: assessed sessions'),
      h('span', { class: 'hr-help' }, help.open, glossary.open),
    ),
    lead,
    assignView(scenarios, gameUrl, remembered.refresh),
    remembered.element,
    verifyView(scenarios),
  ),
  glossary.dialog,
  help.dialog,
);

// served by the game's server: assessments run on it, and come first, since that is what
// HR opens this page for there (signed in, their list is the first thing under the sign-in,
// not a phone's length of static form further down); the sections that work anywhere
// follow (a static host asks no server for anything beyond the probe's file)
void (async () => {
  // zod is told to stay jitless before its first check: the page's CSP forbids eval
  const { config } = await import('zod');
  config({ jitless: true });
  const { probeRoomServer } = await import('../room/http.ts');
  if (!(await probeRoomServer())) return;
  const { serverView } = await import('../hr/server-view.ts');
  const { platformsSection } = await import('../hr/platforms-view.ts');
  const platforms = platformsSection();
  lead.replaceChildren(
    'Assessments on this server come first. Further down: links that need no server, and the check of results sent back. ',
    openGame(),
  );
  // learning platforms (LTI) after the assessments: the admin registers one once
  lead.after(serverView(scenarios, gameUrl, platforms.accountChanged), platforms.element);
})();
