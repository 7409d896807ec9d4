import { counted } from '../../lib/counted.ts';
import { styleColour } from '../../lib/style-colours.ts';
import { shownDate } from '../../lib/when.ts';
import { pastedLinkParams } from '../../links/address.ts';
import { readLink, type WorkshopLink } from '../../links/links.ts';
import {
  modelOfScenario,
  type RubricDef,
  referenceStyle,
  type ScenarioDef,
  type StrategyCensus,
} from '../../sim/index.ts';
import { askToConfirm } from '../../ui/confirm-dialog.ts';
import { pageCensus } from '../../workers/census-service.ts';
import { marketKey } from '../../workers/fair-score.ts';
import { button, download, dropZone, field, h, readFiles, replace } from '../dom.ts';
import { BUNDLED, checkYaml } from '../scenarios.ts';
import {
  keepOpenedWorkshop,
  knownWorkshop,
  openedWorkshops,
  openOnDashboard,
  savedWorkshops,
  setOpenOnDashboard,
} from '../sessions.ts';
import { drawnToFit } from '../svg.ts';
import {
  decisionSplits,
  leaderboard,
  type MarketCensus,
  type Row,
  type ShareCurve,
  shareCurves,
  stylePercents,
} from './aggregate.ts';
import { curvesBody, drawCurves } from './curves.ts';
import { resultsCsv } from './export-csv.ts';
import { classFigures, type Figure, gradedName } from './figures.ts';
import { gradeTitle, passWords } from './grade-words.ts';
import { hideNamesButton, namedRows } from './hide-names.ts';
import {
  type Accepted,
  checkSubmissions,
  type Intake,
  readPasted,
  readSubmissions,
  type Submission,
  type WorkshopContext,
} from './intake.ts';
import { projector } from './projector.ts';
import { DOTS_TO_COME, plotted, scatterTable, styleScatter } from './scatter.ts';

// The class dashboard: pick the workshop, take in the room's codes and files, and show
// only what replays: leaderboard by fair score, the split at each decision, style
// against outcome, share curves; projector mode and CSV export. What was handed in is
// kept per session in localStorage, so a reload re-verifies it and loses nothing; a
// workshop opened from a pasted link is kept too (sessions.ts), and a reload reopens the
// workshop that was open.

const MAX_FILES = 60;
const store = (session: string) => `tow.workshop.results.v1.${session}`;

interface Handed {
  source: string;
  text: string;
  /** typed or pasted into the box, rather than a file */
  pasted?: boolean;
}

export function dashboardPanel(): HTMLElement {
  const pick = h('select', { id: 'dash-workshop' });
  const pasteLink = h('input', {
    id: 'dash-link',
    attrs: { type: 'text', placeholder: 'or paste the workshop link here' },
  });
  const pickNote = h('div', { attrs: { 'aria-live': 'polite' } });
  const body = h('div', { class: 'stack' });
  const panel = h(
    'section',
    { class: 'panel dashboard', attrs: { 'aria-labelledby': 'dash-title' } },
    h(
      'div',
      { class: 'panel-head no-projector' },
      h(
        'div',
        null,
        h('h1', { id: 'dash-title' }, 'Class dashboard'),
        h(
          'p',
          { class: 'lead' },
          "Paste the room's result codes or drop their result files. Every game is replayed before it counts.",
        ),
      ),
    ),
    h(
      'div',
      { class: 'card no-projector' },
      h(
        'div',
        { class: 'grid-2' },
        field('Workshop', pick),
        field(
          'Workshop link',
          pasteLink,
          'Paste the link you gave the room to open a workshop made elsewhere',
        ),
      ),
      pickNote,
    ),
    body,
  );

  let current: { ctx: WorkshopContext; handed: Handed[]; intake: Intake } | null = null;
  // each game is ranked in the market it was played in: the workshop's seed on the
  // workshop's scenario, or, for a result made before an update, on the edition and under
  // the model verify replayed it with
  let censuses = new Map<string, StrategyCensus>();
  let asked = new Set<string>();
  const marketOf = (ctx: WorkshopContext, g: Accepted): string =>
    marketKey(g.record.hash, ctx.seed, modelOfScenario(g.playedOn ?? ctx.scenario));
  const censusOf = (ctx: WorkshopContext) => (g: Accepted) =>
    censuses.get(marketOf(ctx, g)) ?? null;

  /** Asks the page's census service for each market a game was played in, once each. */
  function askCensuses(ctx: WorkshopContext, games: readonly Accepted[]): void {
    const wanted = new Map<string, ScenarioDef>([[marketKey(ctx.hash, ctx.seed), ctx.scenario]]);
    for (const g of games) wanted.set(marketOf(ctx, g), g.playedOn ?? ctx.scenario);
    for (const [key, scenario] of wanted) {
      if (asked.has(key)) continue;
      asked.add(key);
      pageCensus()
        .market(key, scenario, ctx.seed)
        .then((market) => {
          if (current?.ctx !== ctx) return;
          censuses.set(key, market.census);
          render();
        })
        .catch((err: unknown) => console.warn('the workshop census failed', err));
    }
  }

  /** The list of workshops, the open one selected: those opened from a pasted link are listed too. */
  function fillPick(): void {
    const saved = savedWorkshops();
    const made = new Set(saved.map((w) => w.link.session));
    const fromLinks = openedWorkshops().filter((l) => !made.has(l.session));
    const open = current?.ctx;
    // one opened from its link that this browser could not keep (storage off or full)
    const pasted =
      open && !made.has(open.session) && !fromLinks.some((l) => l.session === open.session)
        ? open
        : null;
    const listed = saved.length + fromLinks.length;
    replace(
      pick,
      open
        ? null
        : h(
            'option',
            { attrs: { value: '' } },
            listed ? 'Choose a workshop…' : 'No workshop made in this browser yet',
          ),
      pasted
        ? h('option', { attrs: { value: pasted.session } }, `${pasted.name} — from its link`)
        : null,
      ...fromLinks.map((l) =>
        h('option', { attrs: { value: l.session } }, `${l.name} — from its link`),
      ),
      ...saved.map((w) =>
        h(
          'option',
          { attrs: { value: w.link.session } },
          `${w.link.name} — ${shownDate(w.created)}`,
        ),
      ),
    );
    if (open) pick.value = open.session;
  }

  /** Opens a workshop; `fromLink`: pasted, so this browser keeps it for the next visit. */
  async function open(link: WorkshopLink, fromLink = false): Promise<void> {
    let ctx: WorkshopContext;
    if (link.yaml !== undefined) {
      const r = await checkYaml(link.yaml, 'workshop scenario');
      if (!r.ok) {
        replace(
          pickNote,
          h(
            'p',
            { class: 'notice bad' },
            `The workshop's own scenario does not load (${counted(r.problems, 'error')}); its results cannot be verified.`,
          ),
        );
        return;
      }
      ctx = {
        session: link.session,
        seed: link.seed,
        name: link.name,
        scenario: r.scenario,
        hash: r.hash,
        others: BUNDLED.map((x) => x.scenario),
      };
    } else {
      const b = BUNDLED.find((x) => x.scenario.id === link.scenario);
      if (!b) {
        replace(
          pickNote,
          h(
            'p',
            { class: 'notice bad' },
            `This site has no scenario "${link.scenario ?? ''}"; its results cannot be verified here.`,
          ),
        );
        return;
      }
      ctx = {
        session: link.session,
        seed: link.seed,
        name: link.name,
        scenario: b.scenario,
        hash: b.hash,
        others: BUNDLED.map((x) => x.scenario),
      };
    }
    replace(pickNote);
    if (fromLink && !savedWorkshops().some((w) => w.link.session === link.session))
      keepOpenedWorkshop(link);
    setOpenOnDashboard(ctx.session);
    let handed: Handed[] = [];
    try {
      const raw = JSON.parse(localStorage.getItem(store(ctx.session)) ?? '[]') as unknown;
      if (Array.isArray(raw))
        handed = raw.filter(
          (x): x is Handed => typeof x?.source === 'string' && typeof x?.text === 'string',
        );
    } catch {
      handed = [];
    }
    censuses = new Map();
    asked = new Set();
    current = { ctx, handed: [], intake: { accepted: [], rejected: [] } };
    fillPick();
    add(handed);
  }

  /** Checks new submissions against what is already in, keeps them, and redraws. */
  function add(items: Handed[]): void {
    if (!current) return;
    const ctx = current.ctx;
    // pastes are numbered so that "paste 2, line 4" names one line among all of them
    let pastes = current.handed.filter((i) => i.pasted).length;
    const stored = items.map((i) =>
      i.pasted && i.source === '' ? { ...i, source: `paste ${++pastes}` } : i,
    );
    const subs: Submission[] = stored.flatMap((i) =>
      i.pasted
        ? readPasted(ctx, i.text).map((s) => ({ ...s, source: `${i.source}, ${s.source}` }))
        : readSubmissions(ctx, i.text, i.source),
    );
    current.intake = checkSubmissions(ctx, subs, current.intake);
    askCensuses(ctx, current.intake.accepted);
    current.handed.push(...stored);
    try {
      localStorage.setItem(store(ctx.session), JSON.stringify(current.handed));
    } catch {
      // storage full: the results stay on the page; export the CSV before closing
    }
    render();
  }

  pick.addEventListener('change', () => {
    const link = knownWorkshop(pick.value);
    if (link) void open(link);
  });
  pasteLink.addEventListener('change', () => {
    const text = pasteLink.value.trim();
    if (!text) return;
    const r = readLink(pastedLinkParams(text));
    if (!r?.ok || r.link.kind !== 'workshop') {
      replace(
        pickNote,
        h(
          'p',
          { class: 'notice bad' },
          r && !r.ok ? `That link cannot be read: ${r.error}.` : 'That is not a workshop link.',
        ),
      );
      return;
    }
    void open(r.link, true);
  });

  const proj = projector(panel, (on) => {
    projBtn.textContent = on ? 'Leave projector mode (Esc)' : 'Projector mode';
    render();
  });
  const projBtn = button('Projector mode', () => (proj.active ? proj.exit() : void proj.enter()));
  // names off for a screen the room sees, as on the live room's slides
  let hideNames = false;
  const namesBtn = hideNamesButton((hidden) => {
    hideNames = hidden;
    render();
  });

  // the intake box is built once: a redraw (when the census arrives) must not wipe what
  // the facilitator is typing or pasting
  const intake = intakeBox();
  const results = h('div', { class: 'stack' });
  const headerSlot = h('div');

  function render(): void {
    if (!current) {
      replace(
        body,
        h(
          'p',
          { class: 'empty card' },
          'Choose the workshop above (or paste its link) to take in results.',
        ),
      );
      return;
    }
    if (body.firstElementChild !== headerSlot) replace(body, headerSlot, intake, results);
    const { ctx, intake: taken } = current;
    const rows = leaderboard(ctx.scenario, taken.accepted, censusOf(ctx));
    const shown = namedRows(rows, hideNames);
    // a trainee's line is named as their row is: "Player N" by their place while hidden
    // and the lines are listed in board order, so the legend reads as the leaderboard does
    const place = new Map(rows.map((r, i) => [r.source, i]));
    const curves = shareCurves(taken.accepted)
      .map((c, i) => {
        const at = place.get(taken.accepted[i]!.source) ?? i;
        return { ...c, player: shown[at]?.player ?? c.player, at };
      })
      .sort((a, b) => a.at - b.at);
    replace(headerSlot, header(ctx, rows));
    replace(
      results,
      rejectedList(taken),
      leaderboardTable(ctx.scenario.rubric, shown),
      splitsCard(ctx, taken, censusOf(ctx)),
      h('div', { class: 'grid-2' }, scatterCard(ctx, shown), curvesCard(curves)),
    );
    const chart = panel.querySelector<HTMLElement>('.curves');
    if (chart) drawCurves(chart, curves, panel.classList.contains('projector'));
  }

  function header(ctx: WorkshopContext, rows: Row[]): HTMLElement {
    return h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'panel-head' },
        h(
          'div',
          null,
          h('h2', null, ctx.name),
          h(
            'p',
            { class: 'lead' },
            `${ctx.scenario.title} · seed ${ctx.seed} · session ${ctx.session}`,
          ),
        ),
        h(
          'div',
          { class: 'row' },
          button('Export CSV', () => exportCsv(ctx, rows)),
          namesBtn,
          projBtn,
        ),
      ),
      h(
        'div',
        { class: 'kpis' },
        ...classFigures(ctx.scenario.rubric, rows, current?.intake.rejected.length ?? 0).map(kpi),
      ),
    );
  }

  function intakeBox(): HTMLElement {
    const text = h('textarea', {
      id: 'dash-codes',
      attrs: {
        'aria-label': 'Result codes, one per line',
        placeholder: 'TOW1-… one code per line (chat text around them is fine)',
      },
    });
    const files = h('input', {
      attrs: {
        type: 'file',
        multiple: '',
        accept: '.json,.txt,application/json,text/plain',
        'aria-label': 'Result files',
      },
    });
    const takeFiles = async (list: FileList | File[]) => {
      const all = [...list].slice(0, MAX_FILES);
      add((await readFiles(all)).map((f) => ({ source: f.name, text: f.text })));
    };
    files.addEventListener('change', () => {
      if (files.files) void takeFiles(files.files);
    });
    const clearAll = button('Clear all results', async () => {
      // the workshop open when asked: another may be opened while the question is up
      const asked = current;
      if (!asked) return;
      const n = asked.intake.accepted.length + asked.intake.rejected.length;
      const remove = await askToConfirm(
        {
          title: 'Remove every result of this workshop from this browser?',
          consequences: [
            `The ${n === 1 ? 'result' : `${n} results`} handed in for "${asked.ctx.session}" leave this browser's list, counted or not.`,
            'The trainees keep their own codes and files: they can hand them in again.',
          ],
          yes: 'Remove them',
        },
        () => clearAll,
      );
      if (!remove || current !== asked) return;
      asked.handed = [];
      asked.intake = { accepted: [], rejected: [] };
      localStorage.removeItem(store(asked.ctx.session));
      render();
    });
    const box = h(
      'div',
      { class: 'card intake dropbox' },
      h('h3', { class: 'sub' }, 'Take in results'),
      text,
      h(
        'div',
        { class: 'row' },
        button(
          'Add these codes',
          () => {
            if (!text.value.trim()) return;
            add([{ source: '', text: text.value, pasted: true }]);
            // what was read is kept (and listed if it failed); the box is ready for more
            text.value = '';
          },
          'btn primary',
        ),
        h('span', { class: 'hint' }, 'or drop result files here (up to 60 at once), or'),
        files,
        clearAll,
      ),
    );
    dropZone(box, (f) => void takeFiles(f));
    return box;
  }

  return (() => {
    fillPick();
    render();
    panel.addEventListener('shown', () => {
      fillPick();
      if (!current) {
        // the workshop open before the reload, else the newest made here
        const was = openOnDashboard();
        const link = (was ? knownWorkshop(was) : null) ?? savedWorkshops()[0]?.link;
        if (link) void open(link);
      } else render();
    });
    return panel;
  })();

  function exportCsv(ctx: WorkshopContext, rows: Row[]): void {
    download(
      `${ctx.session}-results.csv`,
      resultsCsv(ctx.scenario, rows, current?.intake.accepted ?? []),
      'text/csv',
    );
  }
}

function kpi(f: Figure): HTMLElement {
  return h(
    'div',
    f.secondary ? { class: 'kpi-secondary' } : null,
    h('div', { class: 'stat', attrs: { 'data-kpi': f.id } }, f.value),
    h('div', { class: 'stat-label' }, f.label),
  );
}

function rejectedList(intake: Intake): HTMLElement | null {
  if (intake.rejected.length === 0) return null;
  return h(
    'div',
    { class: 'card no-projector' },
    h('h3', null, `Not counted (${intake.rejected.length})`),
    h(
      'ul',
      { class: 'rejected', attrs: { 'aria-label': 'Results not counted' } },
      ...intake.rejected.map((r) =>
        h(
          'li',
          null,
          h('span', { class: 'src' }, r.source),
          r.player ? ` (${r.player})` : '',
          ': ',
          r.reason,
        ),
      ),
    ),
  );
}

/** A board cell that names its column, so a phone can show each row as a card. */
function cell(column: string, text: string, cls?: string): HTMLTableCellElement {
  return h('td', { ...(cls ? { class: cls } : {}), attrs: { 'data-label': column } }, text);
}

function leaderboardTable(rubric: RubricDef, rows: Row[]): HTMLElement {
  const pct = (r: Row) => (r.fairScore === null ? '…' : String(r.fairScore));
  return h(
    'div',
    { class: 'card' },
    h('h3', null, 'Leaderboard'),
    h(
      'p',
      { class: 'hint' },
      `Ranked by ${gradeTitle(rubric)
        .replace(/ \(0–100\)$/, '')
        .toLowerCase()}, the figure the pass mark (${rubric.passMark}) counts; the score breaks ties.`,
    ),
    rows.length === 0
      ? h('p', { class: 'empty' }, 'No verified games yet.')
      : h(
          'table',
          { class: 'leaderboard' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { class: 'num' }, '#'),
              h('th', null, 'trainee'),
              h(
                'th',
                {
                  class: 'num',
                  attrs: {
                    title: 'better than this share of all possible strategies on this market',
                  },
                },
                'fair score',
              ),
              h(
                'th',
                { class: 'num', attrs: { title: "the rubric's points out of 100" } },
                'score',
              ),
              h('th', null, 'pass mark'),
              h('th', { class: 'num' }, 'final share'),
              h('th', null, 'style'),
            ),
          ),
          h(
            'tbody',
            null,
            ...rows.map((r) =>
              h(
                'tr',
                r.rank === 1 ? { class: 'rank-1' } : null,
                cell('#', String(r.rank), 'num rank'),
                cell('trainee', r.player, 'player'),
                cell('fair score', pct(r), 'num'),
                cell('score', String(r.score), 'num'),
                cell('pass mark', passWords(r)),
                cell('final share', `${(r.share * 100).toFixed(1)}%`, 'num'),
                cell(
                  'style',
                  Object.entries(stylePercents(r.styles))
                    .filter(([, v]) => v > 0)
                    .map(([k, v]) => `${v}% ${k}`)
                    .join(', '),
                ),
              ),
            ),
          ),
        ),
    h(
      'p',
      { class: 'hint' },
      'Fair score: better than this share of every possible strategy on this market (same seed), so luck does not decide the rank.',
    ),
  );
}

function splitsCard(ctx: WorkshopContext, intake: Intake, census: MarketCensus): HTMLElement {
  const splits = decisionSplits(ctx.scenario, ctx.seed, intake.accepted, census);
  // the figure the leaderboard ranks by, named as the top figures name it
  const name = gradedName(ctx.scenario.rubric);
  return h(
    'div',
    { class: 'card' },
    h('h3', null, 'How the room decided'),
    ...splits.map((d, i) =>
      h(
        'div',
        { class: 'decision' },
        h(
          'h4',
          null,
          `${i + 1}. ${d.title}`,
          h('span', { class: 'style-tag' }, `${d.reached} player${d.reached === 1 ? '' : 's'}`),
        ),
        ...d.options.map((o) => {
          const share = d.reached ? o.count / d.reached : 0;
          return h(
            'div',
            { class: 'opt', attrs: { 'data-choice': o.choice } },
            h('span', null, o.label, h('span', { class: 'style-tag' }, o.style)),
            h(
              'div',
              { class: 'bar', attrs: { 'aria-hidden': 'true' } },
              h('div', {
                attrs: {
                  style: `width:${(share * 100).toFixed(1)}%;background:${styleColour(o.style)}`,
                },
              }),
            ),
            h('span', { class: 'num' }, `${o.count} (${Math.round(share * 100)}%)`),
            h(
              'span',
              { class: 'num mean-grade', attrs: { title: `mean ${name} of those who chose it` } },
              h('span', { class: 'visually-hidden' }, `mean ${name} `),
              o.meanGrade === 'none'
                ? '–'
                : o.meanGrade === 'waiting'
                  ? '⌀ …'
                  : `⌀ ${o.meanGrade.toFixed(1)}`,
            ),
          );
        }),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      `Bars: who chose what. ⌀: the mean ${name} of those who chose it (0–100, as on the leaderboard).`,
    ),
  );
}

function scatterCard(ctx: WorkshopContext, rows: Row[]): HTMLElement {
  const style = referenceStyle(ctx.scenario.styles);
  return h(
    'div',
    { class: 'card' },
    h('h3', null, 'Style against outcome'),
    // drawn at the card's width, so its names and figures stay readable on a phone
    rows.length
      ? drawnToFit((width) => styleScatter(rows, style, ctx.scenario.rubric, width), 'scatter-fit')
      : h('p', { class: 'empty' }, 'No games yet.'),
    plotted(rows).length ? scatterTable(rows, style, ctx.scenario.rubric) : null,
    plotted(rows).length < rows.length ? h('p', { class: 'hint' }, DOTS_TO_COME) : null,
  );
}

function curvesCard(curves: readonly ShareCurve[]): HTMLElement {
  return h(
    'div',
    { class: 'card' },
    h('h3', null, 'Market share, quarter by quarter'),
    curves.length ? curvesBody(curves) : h('p', { class: 'empty' }, 'No games yet.'),
  );
}
