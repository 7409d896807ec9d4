import '../workshop/jitless.ts';
import '../workshop/workshop.css';
import { pageHelp } from '../ui/help.ts';
import { authoringPanel } from '../workshop/authoring.ts';
import { h } from '../workshop/dom.ts';

// The facilitator's site: write and check a scenario, read its balance, make the room's
// link, and debrief the class. Each tab is built the first time it is opened; the
// balance and dashboard code (and uPlot) load only then. The tabs are a tab list: one tab
// stop, the arrow keys (and Home, End) move along it and open the tab they reach; each tab
// is also a link to its address, so a tab can be opened in a new window or bookmarked.

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
    const selected = id === tab;
    a.setAttribute('aria-selected', String(selected));
    a.tabIndex = selected ? 0 : -1;
  }
  let panel = built.get(tab);
  if (!panel) {
    panel = await build(tab);
    built.set(tab, panel);
    // the panel is the tab's: named by it, and tied to it once it exists
    panel.id = `panel-${tab}`;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `tab-${tab}`);
    tabButtons.get(tab)?.setAttribute('aria-controls', panel.id);
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

/** The tab an arrow, Home or End key moves to from `from`, or null for any other key. */
function tabAfter(from: Tab, key: string): Tab | null {
  const i = TABS.findIndex((t) => t.id === from);
  const n = TABS.length;
  const to =
    key === 'ArrowRight'
      ? (i + 1) % n
      : key === 'ArrowLeft'
        ? (i - 1 + n) % n
        : key === 'Home'
          ? 0
          : key === 'End'
            ? n - 1
            : null;
  return to === null ? null : TABS[to]!.id;
}

const tabList = h(
  'div',
  { class: 'tabs', attrs: { role: 'tablist', 'aria-label': 'Facilitator pages' } },
  ...TABS.map((t) => {
    const a = h(
      'a',
      { id: `tab-${t.id}`, attrs: { href: `#${t.id}`, role: 'tab', 'aria-selected': 'false' } },
      t.label,
    );
    a.addEventListener('keydown', (e) => {
      const to = tabAfter(t.id, e.key);
      if (e.key === ' ') go(t.id);
      else if (to) {
        tabButtons.get(to)?.focus();
        go(to);
      } else return;
      e.preventDefault();
    });
    tabButtons.set(t.id, a);
    return a;
  }),
);
const nav = h('nav', { class: 'tab-nav', attrs: { 'aria-label': 'Facilitator pages' } }, tabList);

const { glossary, help } = pageHelp(
  'This page is for facilitators: write and check a scenario, read its balance, make the link your class plays, and follow the class live or from the results they send. Below is how the game itself is played.',
);

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
