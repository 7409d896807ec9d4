import { pathToFileURL } from 'node:url';
import { encodeRecord } from '../record/code.ts';
import { makeRecord } from '../record/record.ts';
import {
  initialState,
  isPolicy,
  outcomes,
  parLines,
  playPolicy,
  policiesOf,
  quartersShown,
  type ScenarioDef,
  type SimState,
  score,
  situationById,
  step,
  switchPolicies,
} from '../sim/index.ts';
import { type MarketCensus, marketCensus, rankIn } from '../workers/fair-score.ts';
import { parseArgs } from './args.ts';
import { everyStrategy } from './census-pool.ts';
import { resolveScenario } from './resolve.ts';

// npm run simulate -- --scenario <file|id> --seed <n> [--choices a,b,c] [--policy name]
// [--percentile] prints the game as JSON: every quarter's replies in the order the page
// shows them, the choice, metrics and causes, the outcomes, the score, the session record
// and its result code; --percentile adds where the score stands among every strategy on
// the same seed, and the par lines: above 100,000 strategies from a sample, unless
// --every-strategy asks for all of them (played on every core). The same arguments always
// print the same bytes.

const USAGE =
  'npm run simulate -- --scenario <file|id> --seed <n> [--choices c1,c2,...] [--policy first-shown|crisis-rule|greedy|random|<style>|<style>-for-<n>-then-<style>] [--percentile [--every-strategy]]';
const FLAGS = ['scenario', 'seed', 'choices', 'policy', 'percentile', 'every-strategy'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class UsageError extends Error {}

/** Plays the listed choices, naming the valid ones when a choice does not fit. */
function playListed(scenario: ScenarioDef, seed: string, choices: readonly string[]): SimState {
  let state = initialState(scenario, seed);
  choices.forEach((id, i) => {
    if (state.situationId === null) {
      throw new Error(
        `the game is over after ${i} decisions, but ${choices.length} choices were given`,
      );
    }
    const s = situationById(scenario, state.situationId);
    if (!s.choices.some((c) => c.id === id)) {
      const valid = s.choices.map((c) => c.id).join(', ');
      throw new Error(
        `quarter ${i + 1} ("${s.title}") has no choice "${id}"; the valid ones are ${valid}`,
      );
    }
    state = step(scenario, state, id);
  });
  return state;
}

async function simulate(argv: readonly string[]): Promise<string> {
  let flags: Map<string, string>;
  try {
    const parsed = parseArgs(argv, ['percentile', 'every-strategy'], FLAGS);
    if (parsed.rest.length) throw new Error(`unexpected argument "${parsed.rest[0]}"`);
    flags = parsed.flags;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const scenarioArg = flags.get('scenario');
  const seed = flags.get('seed');
  if (!scenarioArg) throw new UsageError('--scenario is required');
  if (!seed) throw new UsageError('--seed is required');
  if (flags.has('every-strategy') && !flags.has('percentile')) {
    throw new UsageError('--every-strategy goes with --percentile');
  }
  if (flags.has('choices') && flags.has('policy')) {
    throw new UsageError('give either --choices or --policy, not both');
  }
  const policy = flags.get('policy') ?? 'random';
  const { scenario, hash } = resolveScenario(scenarioArg);
  if (!isPolicy(scenario, policy)) {
    throw new UsageError(
      `unknown policy "${policy}"; the policies for ${scenario.id} are ${policiesOf(scenario).join(', ')}, or one style for the first n decisions then another (e.g. ${switchPolicies(scenario)[0] ?? 'none: one style only'})`,
    );
  }

  const state = flags.has('choices')
    ? playListed(
        scenario,
        seed,
        flags
          .get('choices')!
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
      )
    : playPolicy(scenario, seed, policy).state;

  const finished = state.situationId === null;
  const value = score(scenario.rubric, state);
  const record = makeRecord(scenario, hash, state);
  const output: Record<string, unknown> = {
    scenario: scenario.id,
    hash,
    seed,
    ...(flags.has('choices') ? {} : { policy }),
    finished,
    quarters: quartersShown(scenario, state),
    outcomes: outcomes(state),
    score: value,
    passMark: scenario.rubric.passMark,
    grading: scenario.rubric.grading,
    record,
    code: encodeRecord(record, scenario),
  };
  if (flags.has('percentile')) {
    if (!finished) throw new Error('--percentile needs a finished game: give every choice');
    const market: MarketCensus = flags.has('every-strategy')
      ? await everyStrategyMarket(scenario, seed)
      : marketCensus(scenario, seed);
    const fair = rankIn(market, value);
    output.percentile = fair.percentile;
    output.fairScore = fair.statement;
    output.census = {
      played: fair.played,
      strategies: fair.strategies,
      exhaustive: fair.exhaustive,
      margin: fair.margin,
      bound: fair.exhaustive
        ? 'exact: every strategy was played'
        : `within ±${fair.margin} points of the percentile over every strategy, with 99% confidence`,
    };
    output.par = fair.par;
  }
  return `${JSON.stringify(output, null, 2)}\n`;
}

async function everyStrategyMarket(scenario: ScenarioDef, seed: string): Promise<MarketCensus> {
  const c = await everyStrategy(scenario, seed);
  return { census: c, par: parLines(scenario, seed, c) };
}

export async function runSimulate(argv: readonly string[]): Promise<CliResult> {
  try {
    return { code: 0, stdout: await simulate(argv), stderr: '' };
  } catch (err) {
    const message = (err as Error).message;
    if (err instanceof UsageError) {
      return { code: 2, stdout: '', stderr: `error: ${message}\nusage: ${USAGE}\n` };
    }
    return { code: 1, stdout: '', stderr: `error: ${message}\n` };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runSimulate(process.argv.slice(2));
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
