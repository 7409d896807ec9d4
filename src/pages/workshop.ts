import '../workshop/jitless.ts';
import '../workshop/workshop.css';
import { glossaryControl } from '../ui/glossary.ts';
import { helpControl } from '../ui/help.ts';
import { authoringPanel } from '../workshop/authoring.ts';
import { h } from '../workshop/dom.ts';

// The facilitator's site: write and check a scenario, read its balance, make the room's
// link, and debrief the class. Each tab is built the first time it is opened; the
// balance and dashboard code (and uPlot) load only then.

type Tab = 'author' | 'balance' | 'link' | 'dashboard' | 'live';

const TABS: { id: Tab; label: string }[] = [
  { id: 'author', label: 'Write & check' },
  { id: 'balance', label: 'Balance report' },
  { id: 'link', label: 'Workshop link' },
  { id: 'dashboard', label: 'Class dashboard' },
  { id: 'live', label: 'Live room' },
];

const isTab = (s: string): s is Tab => TABS.some((t) => t.id === s);

const main = h('main', { id: 'main', attrs: { tabindex: '-1' } });
const built = new Map<Tab, HTMLElement>();
const tabButtons = new Map<Tab, HTMLAnchorElement>();

async function build(tab: Tab): Promise<HTMLElement> {
  switch (tab) {
    case 'author':
      return authoringPanel((t) => go(isTab(t) ? t : 'author'));
    case 'balance':
      return (await import('../workshop/balance-view.ts')).balancePanel();
    case 'link':
      return (await import('../workshop/link-view.ts')).linkPanel((t) => go(isTab(t) ? t : 'link'));
    case 'dashboard':
      return (await import('../workshop/dashboard/view.ts')).dashboardPanel();
    case 'live':
      return (await import('../workshop/room/panel.ts')).livePanel();
  }
}

async function show(tab: Tab): Promise<void> {
  for (const [id, a] of tabButtons) {
    if (id === tab) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  let panel = built.get(tab);
  if (!panel) {
    panel = await build(tab);
    built.set(tab, panel);
    main.append(panel);
  }
  for (const [id, p] of built) p.hidden = id !== tab;
  document.title = `${TABS.find((t) => t.id === tab)!.label} — Tug of War for facilitators`;
  panel.dispatchEvent(new CustomEvent('shown'));
}

function go(tab: Tab): void {
  if (location.hash !== `#${tab}`) location.hash = tab;
  else void show(tab);
}

const nav = h(
  'nav',
  { class: 'tabs', attrs: { 'aria-label': 'Facilitator pages' } },
  ...TABS.map((t) => {
    const a = h('a', { attrs: { href: `#${t.id}` } }, t.label);
    tabButtons.set(t.id, a);
    return a;
  }),
);

const glossary = glossaryControl('help-open');
const help = helpControl({
  glossary,
  tutorial: { href: './index.html?scenario=tutorial' },
  openClass: 'help-open',
  about: [
    'This page is for facilitators: write and check a scenario, read its balance, make the link your class plays, and follow the class live or from the results they send. Below is how the game itself is played.',
  ],
});

const header = h(
  'header',
  { class: 'top' },
  h(
    'div',
    { class: 'brand' },
    h('span', { class: 'logo', attrs: { 'aria-hidden': 'true' } }, '⟷'),
    h(
      'span',
      null,
      h('strong', null, 'Tug of War'),
      h('span', { class: 'brand-sub' }, 'for facilitators'),
    ),
  ),
  nav,
  h(
    'span',
    { class: 'to-game' },
    help.open,
    glossary.open,
    h('a', { attrs: { href: './index.html' } }, 'Open the game'),
  ),
);

document
  .getElementById('app')!
  .replaceChildren(
    h('a', { class: 'skip', attrs: { href: '#main' } }, 'Skip to content'),
    header,
    main,
    glossary.dialog,
    help.dialog,
  );

const route = () => {
  const tab = location.hash.slice(1);
  // an admin link (#live=CODE.KEY) opens the live room tab, which reads and keeps the key
  if (tab.startsWith('live=')) return void show('live');
  void show(isTab(tab) ? tab : 'author');
};
window.addEventListener('hashchange', route);
route();
