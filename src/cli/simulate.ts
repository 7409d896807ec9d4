import { makeRecord } from '../record/record.ts';
import {
  outcomes,
  POLICIES,
  type PolicyName,
  playChoices,
  playPolicy,
  score,
} from '../sim/index.ts';
import { fail, parseArgs } from './args.ts';
import { resolveScenario } from './resolve.ts';

// npm run simulate -- --scenario <file|id> --seed <n> [--choices a,b,c] [--policy name]
// prints the game as JSON: every quarter's metrics and causes, the outcomes, the score
// and the session record. The same arguments always print the same bytes.

const USAGE =
  'npm run simulate -- --scenario <file|id> --seed <n> [--choices c1,c2,...] [--policy directive|collaborative|random]';

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2));
} catch (err) {
  fail((err as Error).message, USAGE);
}
const { flags } = args;
const scenarioArg = flags.get('scenario') ?? fail('--scenario is required', USAGE);
const seed = flags.get('seed') ?? fail('--seed is required', USAGE);
let bundle: ReturnType<typeof resolveScenario>;
try {
  bundle = resolveScenario(scenarioArg);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const { scenario, hash } = bundle;

let state: ReturnType<typeof playChoices>;
try {
  if (flags.has('choices')) {
    const choices = flags
      .get('choices')!
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    state = playChoices(scenario, seed, choices);
  } else {
    const policy = (flags.get('policy') ?? 'random') as PolicyName;
    if (!POLICIES.includes(policy)) fail(`unknown policy "${policy}"`, USAGE);
    state = playPolicy(scenario, seed, policy).state;
  }
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(1);
}

const output = {
  scenario: scenario.id,
  hash,
  seed,
  finished: state.situationId === null,
  quarters: state.history.map((h) => ({
    quarter: h.quarter,
    situation: h.situationId,
    choice: h.choiceId,
    style: h.style,
    events: h.events,
    metrics: h.metrics,
    forces: h.forces,
    causes: h.causes,
  })),
  outcomes: outcomes(state),
  score: score(scenario.rubric, state),
  record: makeRecord(scenario, hash, state),
};
process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
