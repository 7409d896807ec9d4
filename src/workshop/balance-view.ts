import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type BalanceReport, BalanceRun, seedList } from '../analysis/balance.ts';
import { ExactBalanceRun } from '../analysis/balance-exact.ts';
import {
  type CopyingCheck,
  copyingWords,
  DEALT_NEXT_INTRO,
  dealtNextLine,
} from '../analysis/copying.ts';
import { ADVICE_SOURCE, COPYING_FIX, capitalise, DEALT_NEXT_FIX } from '../analysis/gate-words.ts';
import { GATE_TREE_LIMIT, type GateReport } from '../analysis/gates.ts';
import { gatesMarkdown } from '../analysis/gates-markdown.ts';
import { balanceMarkdown, LUCK_WORDS, VARIANCE_METHOD } from '../analysis/markdown.ts';
import { counted } from '../lib/counted.ts';
import { countStrategies } from '../sim/index.ts';
import { isCancel, pageCensus, workersAvailable } from '../workers/census-service.ts';
import { boxPlot, policyColour } from './balance-charts.ts';
import { takeBalanceRequest } from './balance-request.ts';
import { button, download, field, h, nextTask, replace } from './dom.ts';
import { onEditorResult, ownScenario } from './editor-state.ts';
import { BUNDLED, type ScenarioChoice } from './scenarios.ts';
import { drawnToFit } from './svg.ts';

// The balance report on the page: the same figures as `npm run scenario:report`, computed
// in slices of a few milliseconds so the page keeps answering, then drawn as charts.

const SLICE_MS = 25;
const OWN = '__editor__';
const fmt = (x: number) => x.toFixed(1);

export function balancePanel(): HTMLElement {
  const source = h('select', { id: 'balance-source' });
  const seeds = h('input', {
    attrs: { type: 'number', min: '10', max: '5000', step: '10', value: '200' },
  });
  const progress = h(
    'div',
    {
      class: 'progress',
      attrs: {
        role: 'progressbar',
        'aria-valuemin': '0',
        'aria-valuemax': '100',
        'aria-label': 'Report progress',
      },
    },
    h('div'),
  );
  progress.hidden = true;
  const out = h('div', { class: 'stack', attrs: { 'aria-live': 'polite' } });
  let running: { stop: () => void } | null = null;

  function fillSources(): void {
    const keep = source.value;
    const own = ownScenario();
    replace(
      source,
      ...BUNDLED.map((b) =>
        h('option', { attrs: { value: b.scenario.id } }, `${b.scenario.title} (bundled)`),
      ),
      own ? h('option', { attrs: { value: OWN } }, `${own.scenario.title} (in the editor)`) : null,
    );
    if ([...source.options].some((o) => o.value === keep)) source.value = keep;
    else if (own) source.value = OWN;
  }

  function chosen(): ScenarioChoice | null {
    if (source.value === OWN) return ownScenario();
    return BUNDLED.find((b) => b.scenario.id === source.value) ?? null;
  }

  async function run(): Promise<void> {
    const choice = chosen();
    const n = Math.round(Number(seeds.value));
    if (!choice) {
      replace(
        out,
        h(
          'p',
          { class: 'notice bad' },
          'Choose a scenario first (the one in the editor must be valid).',
        ),
      );
      return;
    }
    if (!Number.isFinite(n) || n < 10 || n > 5000) {
      replace(
        out,
        h('p', { class: 'notice bad' }, 'The number of seeds must be between 10 and 5,000.'),
      );
      return;
    }
    running?.stop();
    runBtn.disabled = true;
    cancelBtn.hidden = false;
    progress.hidden = false;
    const bar = progress.firstElementChild as HTMLElement;
    const setProgress = (done: number) => {
      const pct = Math.round(done * 100);
      bar.style.width = `${pct}%`;
      progress.setAttribute('aria-valuenow', String(pct));
    };
    setProgress(0);
    replace(out, h('p', { class: 'hint' }, `Playing ${counted(n, 'seed')}…`));
    const finish = (
      node: HTMLElement | null,
      report?: BalanceReport,
      gates?: GateReport | null,
    ) => {
      running = null;
      runBtn.disabled = false;
      cancelBtn.hidden = true;
      progress.hidden = true;
      if (report) show(report, gates ?? null);
      else if (node) replace(out, node);
    };
    running = startRun(choice, n, setProgress, finish);
  }

  /** Runs the report in the census worker; where workers are missing, on the page in slices. */
  function startRun(
    choice: ScenarioChoice,
    n: number,
    onProgress: (done: number) => void,
    finish: (node: HTMLElement | null, report?: BalanceReport, gates?: GateReport | null) => void,
  ): { stop: () => void } {
    if (workersAvailable()) {
      const controller = new AbortController();
      pageCensus()
        .balance(choice.scenario, n, { signal: controller.signal, onProgress })
        .then(
          ({ report, gates }) => finish(null, report, gates),
          (err: unknown) => {
            if (isCancel(err)) return;
            const why = err instanceof Error ? err.message : String(err);
            finish(h('p', { class: 'notice bad' }, `The report failed: ${why}`));
          },
        );
      return {
        stop: () => {
          controller.abort();
          finish(h('p', { class: 'notice info' }, 'Stopped.'));
        },
      };
    }
    const state = { cancelled: false };
    void (async () => {
      // as the workers do (balance-parts.ts): the gates' games make the report too where
      // the gates can walk the tree, and the beam search stands in where they cannot
      const walkable = countStrategies(choice.scenario) <= GATE_TREE_LIMIT;
      const balance = walkable
        ? new ExactBalanceRun(choice.scenario)
        : new BalanceRun(choice.scenario);
      const list = seedList(n);
      while (balance.done < list.length && !state.cancelled) {
        const t0 = performance.now();
        while (balance.done < list.length && performance.now() - t0 < SLICE_MS) {
          balance.add(list[balance.done]!);
        }
        onProgress(balance.done / list.length);
        await nextTask();
      }
      if (state.cancelled) return;
      if (balance instanceof ExactBalanceRun) {
        const { report, gates } = balance.result();
        finish(null, report, gates);
      } else finish(null, balance.result(), null);
    })();
    return {
      stop: () => {
        state.cancelled = true;
        finish(h('p', { class: 'notice info' }, 'Stopped.'));
      },
    };
  }

  function show(r: BalanceReport, gates: GateReport | null): void {
    const n = r.seeds.length;
    const searchNote =
      r.search.kind === 'exhaustive'
        ? `All ${r.strategiesPerSeed.toLocaleString('en')} strategies played on each of ${counted(n, 'seed')}.`
        : `${r.strategiesPerSeed.toLocaleString('en')} strategies per seed: the best path is found by a beam search (width ${r.search.width}); ${r.search.checked === 0 ? 'too many strategies to check it against all of them, so it is the best found, not proven best.' : `on ${counted(r.search.checked, 'seed')} it was checked against all strategies and matched on ${r.search.matched} (worst miss ${counted(r.search.worstGap, 'point')}).`}`;
    const warnings = r.warnings.length
      ? h(
          'ul',
          { class: 'notice warn', attrs: { 'aria-label': 'Warnings' } },
          ...r.warnings.map((w) => h('li', null, w)),
        )
      : h(
          'p',
          { class: 'notice ok' },
          'No warnings: no fixed style dominates and every choice appears on a good path.',
        );

    const table = h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ...['way of playing', 'mean', 'sd', 'min', 'Q1', 'median', 'Q3', 'max'].map((t, i) =>
            h('th', i ? { class: 'num' } : null, t),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        ...r.policies.map((p) => {
          const s = p.summary;
          return h(
            'tr',
            null,
            h('td', null, p.label),
            ...[
              fmt(s.mean),
              fmt(s.sd),
              fmt(s.min),
              fmt(s.q1),
              fmt(s.median),
              fmt(s.q3),
              fmt(s.max),
            ].map((v) => h('td', { class: 'num' }, v)),
          );
        }),
      ),
    );

    const v = r.variance;
    const seedPct = Math.round(v.seedShare * 100);
    const split = h(
      'div',
      {
        class: 'split-bar',
        attrs: {
          role: 'img',
          'aria-label': `${seedPct}% of the variance from the seed, ${100 - seedPct}% from the choices`,
        },
      },
      h('div', { attrs: { style: `width:${seedPct}%;background:#d55e00` } }),
      h('div', { attrs: { style: 'flex:1;background:#0072b2' } }),
    );
    const splitLegend = h(
      'p',
      { class: 'split-legend' },
      h('span', { class: 'swatch', attrs: { style: 'background:#d55e00' } }),
      h('strong', null, `${seedPct}%`),
      ' from the seed (luck)     ',
      h('span', { class: 'swatch', attrs: { style: 'background:#0072b2' } }),
      h('strong', null, `${100 - seedPct}%`),
      ' from the choices',
    );

    const wins = h(
      'table',
      null,
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'fixed style'),
          h('th', { class: 'num' }, 'best of the fixed styles'),
          h('th', { class: 'num' }, 'as good as the best path'),
        ),
      ),
      h(
        'tbody',
        null,
        ...Object.keys(r.styleWins).map((s) =>
          h(
            'tr',
            null,
            h('td', null, `always ${s}`),
            h('td', { class: 'num' }, `${r.styleWins[s]} of ${n}`),
            h('td', { class: 'num' }, `${r.styleMatchesBest[s]} of ${n}`),
          ),
        ),
      ),
    );

    const unused = r.unusedChoices.length
      ? h(
          'ul',
          null,
          ...r.unusedChoices.map((c) =>
            h(
              'li',
              null,
              h('code', null, `${c.situation} / ${c.choice}`),
              ` (${c.style}) — ${c.label}`,
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'Every choice appears on some good path.');
    const unreached = r.unreached.length
      ? h(
          'ul',
          null,
          ...r.unreached.map((u) =>
            h('li', null, h('code', null, u.situation), ` ${u.title}: ${u.reason}`),
          ),
        )
      : h('p', { class: 'hint' }, 'Every situation is reached.');

    const seedChart = h('div', { class: 'chart' });
    const card = (title: string, ...children: (Node | null)[]) =>
      h('div', { class: 'card' }, h('h3', null, title), ...children);
    replace(
      out,
      h(
        'div',
        { class: 'row' },
        h('h2', null, `${r.scenario.title}: ${counted(n, 'seed')}`),
        button('Download as Markdown', () =>
          download(`${r.scenario.id}-balance.md`, balanceMarkdown(r), 'text/markdown'),
        ),
      ),
      gatesCard(gates, r.strategiesPerSeed),
      h('p', { class: 'hint' }, searchNote, ` Computed in ${(r.elapsedMs / 1000).toFixed(1)} s.`),
      warnings,
      card(
        'Score over the seeds',
        drawnToFit((width) => boxPlot(r, width), 'boxplot-fit'),
        h(
          'p',
          { class: 'hint' },
          'Whiskers: min and max. Box: the middle half (Q1–Q3). Thick line: the median.',
        ),
      ),
      h(
        'div',
        { class: 'grid-2' },
        card(
          'The figures',
          table,
          h(
            'p',
            { class: 'hint' },
            'sd: the spread over the seeds. Quartiles interpolate between seeds.',
          ),
        ),
        card('Fixed styles head to head', wins),
      ),
      h(
        'div',
        { class: 'grid-2' },
        card(
          'Luck against choices',
          split,
          splitLegend,
          h('p', null, LUCK_WORDS),
          h(
            'details',
            { class: 'method' },
            h('summary', null, 'How it is worked out'),
            `Variance of a random player's score: ${fmt(v.seed)} (seed) + ${fmt(v.choices)} (choices) = ${fmt(v.total)} points², ${v.exact ? 'exact over these seeds' : 'estimated from sampled players'}. `,
            VARIANCE_METHOD,
          ),
        ),
        h(
          'div',
          { class: 'stack' },
          card(`Choices no good path takes (within ${r.goodMargin} points of the best)`, unused),
          card('Situations never reached', unreached),
        ),
      ),
      card('Score on each seed', seedChart),
    );
    drawSeedChart(seedChart, r);
  }

  const runBtn = button('Run the report', () => void run(), 'btn primary');
  const cancelBtn = button('Stop', () => {
    running?.stop();
  });
  cancelBtn.hidden = true;
  const panel = h(
    'section',
    { class: 'panel', attrs: { 'aria-labelledby': 'balance-title' } },
    h(
      'div',
      { class: 'panel-head' },
      h(
        'div',
        null,
        h('h1', { id: 'balance-title' }, 'Is the scenario balanced?'),
        h(
          'p',
          { class: 'lead' },
          'Plays each fixed way of playing and the best path over many seeds. A scenario where one style always wins teaches nothing.',
        ),
      ),
    ),
    h(
      'div',
      { class: 'card' },
      h(
        'div',
        { class: 'row' },
        field('Scenario', source),
        field('Seeds', seeds),
        runBtn,
        cancelBtn,
      ),
      h(
        'p',
        { class: 'hint' },
        'Seeds 1 to N. 200 are enough for the verdict: a few seconds for a small scenario, up to half a minute for the largest shipped one; 1,000 give steadier figures.',
      ),
      progress,
    ),
    out,
  );
  fillSources();
  onEditorResult(fillSources);
  panel.addEventListener('shown', () => {
    fillSources();
    // asked for from the editor: the report of the editor's scenario starts at once
    if (takeBalanceRequest() && ownScenario()) {
      source.value = OWN;
      void run();
    }
  });
  return panel;
}

function drawSeedChart(el: HTMLElement, r: BalanceReport): void {
  const shown = Math.min(r.seeds.length, 200);
  const xs = Array.from({ length: shown }, (_, i) => i + 1);
  const policies = r.policies.filter((p) => p.policy !== 'random');
  const data: uPlot.AlignedData = [xs, ...policies.map((p) => p.scores.slice(0, shown))];
  const width = Math.max(300, el.clientWidth || 900);
  new uPlot(
    {
      width,
      height: 260,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      legend: { live: false },
      axes: [
        { label: shown < r.seeds.length ? `seed (first ${shown})` : 'seed' },
        { label: 'score' },
      ],
      series: [
        {},
        ...policies.map((p) => ({
          label: p.label,
          stroke: policyColour(p.policy),
          width: p.policy === 'best' ? 2 : 1.5,
          points: { show: false },
        })),
      ],
    },
    data,
    el,
  );
}

/** The balance gates' verdict, the first thing a facilitator reads (see gates.ts). */
function gatesCard(gates: GateReport | null, strategies: number): HTMLElement {
  if (gates === null) {
    return h(
      'p',
      { class: 'notice info' },
      `${strategies.toLocaleString('en')} strategies per seed is more than the ${GATE_TREE_LIMIT.toLocaleString('en')} the balance gates walk whole: the figures below come from a sample, without the gates' verdict.`,
    );
  }
  return h(
    'div',
    { class: 'card' },
    h(
      'h3',
      null,
      gates.pass
        ? 'Balance gates: all pass'
        : `Balance gates: ${gates.gates.filter((g) => !g.pass).length} of ${gates.gates.length} fail`,
    ),
    h(
      'ul',
      {
        class: `notice gates ${gates.pass ? 'ok' : 'warn'}`,
        attrs: { 'aria-label': 'Balance gates' },
      },
      ...gates.gates.map((g) =>
        h(
          'li',
          { class: g.pass ? 'gate-pass' : 'gate-fail' },
          h('strong', null, g.question),
          ' ',
          h('span', { class: 'answer' }, g.pass ? 'Yes.' : 'No.'),
          ` ${capitalise(g.why)}.`,
          g.fix ? whatToChange(g.fix) : null,
        ),
      ),
    ),
    copyingNotice(gates.copying),
    button('Download the gates as Markdown', () =>
      download(`${gates.scenario.id}-gates.md`, gatesMarkdown(gates), 'text/markdown'),
    ),
  );
}

/**
 * Copying a colleague's replies (copying.ts), beside the gates as in the Markdown report:
 * whether a colleague's best path carries over to a market dealt another starting
 * situation, and, in the order HR's server deals them, where a copy from the one before
 * lands. Without variants it says that copies carry over.
 */
function copyingNotice(c: CopyingCheck): HTMLElement {
  const passing = c.dealtNext.some((d) => d.passing > 0);
  const ok = c.variants > 0 && c.pass && !passing;
  return h(
    'div',
    {
      class: `notice gate-watch ${ok ? 'ok' : c.variants === 0 ? 'info' : 'warn'}`,
      attrs: { role: 'group', 'aria-label': "Copying a colleague's replies" },
    },
    h(
      'p',
      null,
      h('strong', null, "Beside the gates: Does a colleague's best path fail on another market?"),
      ' ',
      h(
        'span',
        { class: 'answer' },
        c.variants === 0 ? 'No.' : c.pass ? (passing ? 'Mostly.' : 'Yes.') : 'No.',
      ),
      ...withCode(` ${capitalise(copyingWords(c))}.`),
    ),
    c.variants > 0 && !c.pass ? whatToChange(COPYING_FIX) : null,
    c.dealtNext.length > 0 ? h('p', null, `${DEALT_NEXT_INTRO}:`) : null,
    c.dealtNext.length > 0
      ? h('ul', null, ...c.dealtNext.map((d) => h('li', null, `${dealtNextLine(d)}.`)))
      : null,
    passing ? whatToChange(DEALT_NEXT_FIX) : null,
  );
}

/** What to change, under a failing gate or check, with where the guide says more. */
function whatToChange(text: string): HTMLElement {
  return h(
    'p',
    { class: 'gate-fix' },
    h('strong', null, 'What to change: '),
    text,
    ' ',
    h('em', null, `(More in ${ADVICE_SOURCE}.)`),
  );
}

/** Text whose `quoted` parts (file keys, as the Markdown report writes them) show as code. */
function withCode(text: string): (string | HTMLElement)[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? h('code', null, part) : part));
}
