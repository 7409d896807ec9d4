// node scripts/cli.mjs scripts/band-table.ts <scenario.yaml>...: the rows of docs/scenarios.md's
// "Debrief bands: who reads which sentence". Every strategy of seeds 1–40 is played (the
// census's walk); each game reads the band its fair score picks (its seed's histogram, as
// the debrief ranks it), and each band gets the games that read it, whether they passed,
// and the range of their end-state figures. A top band may name an end state (the customer
// bought more) only where every game in it reaches that state: this table is how to check.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenario/load.ts';
import { census, fairGrade, percentile } from '../src/sim/index.ts';
import { scoreOfBasis, termsOf } from '../src/sim/score.ts';
import { initialState } from '../src/sim/step.ts';
import { walkEnds } from '../src/sim/walk.ts';

const SEEDS = 40;
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/cli.mjs scripts/band-table.ts <scenario.yaml>...');
  process.exit(2);
}

/** a lowest and highest value, widened by each game */
type Range = [number, number];
const EMPTY: Range = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const widen = (r: Range, v: number) => {
  r[0] = Math.min(r[0], v);
  r[1] = Math.max(r[1], v);
};
const minus = (n: number) => (n < 0 ? `−${-n}` : `${n}`);
const span = ([lo, hi]: Range) =>
  lo === hi ? minus(lo) : lo < 0 ? `${minus(lo)} to ${minus(hi)}` : `${lo}–${hi}`;

interface Game {
  score: number;
  share: number;
  trust: number;
  trustChange: number;
  alignment: number;
  profit: number;
}

for (const file of files) {
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load: run npm run scenario:check`);
  const scenario = loaded.scenario;
  const terms = termsOf(scenario.rubric);
  const passMark = scenario.rubric.passMark;
  const mins = (scenario.debrief.bands ?? []).map((b) => b.min).sort((a, b) => b - a);
  const bands = new Map(
    mins.map((m) => [
      m,
      {
        games: 0,
        passed: 0,
        fair: [...EMPTY] as Range,
        share: [...EMPTY] as Range,
        trust: [...EMPTY] as Range,
        trustChange: [...EMPTY] as Range,
        alignment: [...EMPTY] as Range,
        profit: [...EMPTY] as Range,
      },
    ]),
  );
  for (let seed = 1; seed <= SEEDS; seed++) {
    const games: Game[] = [];
    walkEnds(scenario, initialState(scenario, String(seed)), (basis) => {
      const { last, start } = basis;
      games.push({
        score: scoreOfBasis(terms, basis),
        share: Math.round((last.share - start.share) * 100),
        trust: Math.round(last.trust * 100),
        trustChange: Math.round((last.trust - start.trust) * 100),
        alignment: Math.round(last.alignment * 100),
        profit: Math.round(last.profit),
      });
    });
    // ranked as the debrief ranks a game: against its market's census
    const market = census(scenario, String(seed));
    for (const g of games) {
      const fair = fairGrade(percentile(market, g.score));
      const band = bands.get(mins.find((m) => m <= fair) ?? 0);
      if (!band) continue;
      band.games++;
      if (fair >= passMark) band.passed++;
      widen(band.fair, fair);
      widen(band.share, g.share);
      widen(band.trust, g.trust);
      widen(band.trustChange, g.trustChange);
      widen(band.alignment, g.alignment);
      widen(band.profit, g.profit);
    }
  }
  for (const [min, b] of bands) {
    if (b.games === 0) continue;
    const passed = b.passed === b.games ? 'all' : b.passed === 0 ? 'none' : String(b.passed);
    const cells = [
      `\`${scenario.id}\``,
      passMark,
      min,
      span(b.fair),
      b.games.toLocaleString('en-GB'),
      passed,
      span(b.share),
      span(b.trust),
      span(b.trustChange),
      span(b.alignment),
      span(b.profit),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
