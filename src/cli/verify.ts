import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cohort, cohortCsv } from '../hr/cohort.ts';
import { type Graded, gradeAll, isPractice, type StandingOf, signatureText } from '../hr/grade.ts';
import { type Intake, readText, tooLarge } from '../hr/intake.ts';
import { parseRoster, type Roster } from '../hr/roster.ts';
import { genuineText, tally } from '../hr/tally.ts';
import { replayedOn } from '../record/record.ts';
import { type KeySet, parseKeySet } from '../record/signed.ts';
import {
  type BundledScenario,
  bundledScenarioLookup,
  type ScenarioLookup,
} from '../scenario/bundled.ts';
import { census, DEFAULT_PASS_MARK, percentile } from '../sim/index.ts';
import { marketKey } from '../workers/fair-score.ts';
import { fail, parseArgs } from './args.ts';
import { defaultCacheDir, type KeptMarket, keptCensuses, openCensusCache } from './census-cache.ts';
import { progressLine } from './progress.ts';
import { resolveScenario } from './resolve.ts';

// npm run verify -- <files or folders...>: replays every result (codes, result files,
// records as `simulate` prints them) and prints one line each; exit 1 if any is not
// genuine (with --signed-only, also if any is not signed by the server's --keys: such a
// result is listed as NOT COUNTED, with its replayed score, and grades no one). With the
// links file HR downloaded when assigning, it also checks each result against the market
// its trainee was dealt and the attempts allowed.

const USAGE =
  'npm run verify -- <files or folders...> [--pass N] [--links links.csv] [--keys jwks.json|URL [--signed-only]] [--scenario file.yaml] [--csv cohort.csv] [--no-cache]\n       npm run verify -- --prepare --links links.csv [--scenario file.yaml]';
const KNOWN = ['pass', 'links', 'keys', 'signed-only', 'scenario', 'csv', 'prepare', 'no-cache'];

function collect(path: string, out: string[]): void {
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (!name.startsWith('.')) collect(join(path, name), out);
    }
  } else out.push(path);
}

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2), ['prepare', 'no-cache', 'signed-only'], KNOWN);
} catch (err) {
  fail((err as Error).message, USAGE);
}
const { flags, rest } = args;
const prepare = flags.has('prepare');
if (prepare && !flags.has('links'))
  fail('--prepare works out the markets of a links file: give --links', USAGE);
if (prepare && flags.has('no-cache'))
  fail('--prepare keeps the censuses: it cannot go with --no-cache', USAGE);
if (prepare && rest.length > 0) fail('--prepare reads no results: give it only --links', USAGE);
if (!prepare && rest.length === 0) fail('name at least one file or folder', USAGE);
const signedOnly = flags.has('signed-only');
if (signedOnly && !flags.has('keys'))
  fail("--signed-only counts results signed by the server's keys: give them with --keys", USAGE);
const passGiven = flags.has('pass');
const passMark = Number(flags.get('pass') ?? DEFAULT_PASS_MARK);
if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100)
  fail('--pass is a whole number from 0 to 100', USAGE);

// the shipped scenarios are read as results ask for them (most cohorts play one), and
// --scenario's file stands in front of a shipped one of the same id
const shipped = bundledScenarioLookup();
let ownScenario: BundledScenario | undefined;
const own = flags.get('scenario');
if (own !== undefined) {
  try {
    ownScenario = resolveScenario(own);
  } catch (err) {
    fail((err as Error).message, USAGE);
  }
}
const scenarios: ScenarioLookup = {
  get: (id) => (ownScenario?.scenario.id === id ? ownScenario : shipped.get(id)),
};

let roster: Roster | undefined;
const linksFile = flags.get('links');
if (linksFile !== undefined) {
  let text = '';
  try {
    text = readFileSync(linksFile, 'utf8');
  } catch {
    fail(`cannot read the links file ${linksFile}`, USAGE);
  }
  const parsed = parseRoster(text);
  if (parsed.error) fail(`${linksFile}: ${parsed.error}`, USAGE);
  roster = parsed.roster;
}

/** --keys: the room server's public keys, from a saved jwks.json or its address. */
async function loadKeys(where: string): Promise<KeySet> {
  let text: string;
  try {
    if (/^https?:\/\//.test(where)) {
      const res = await fetch(where, { signal: AbortSignal.timeout(15_000) });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      text = await res.text();
    } else text = readFileSync(where, 'utf8');
  } catch (err) {
    fail(`cannot read the keys from ${where}: ${(err as Error).message}`, USAGE);
  }
  let parsed: ReturnType<typeof parseKeySet>;
  try {
    parsed = parseKeySet(JSON.parse(text));
  } catch {
    fail(`${where}: not JSON; expected the server's /.well-known/jwks.json`, USAGE);
  }
  if ('error' in parsed) fail(`${where}: ${parsed.error}`, USAGE);
  return parsed;
}

const keysFrom = flags.get('keys');
const keys = keysFrom === undefined ? undefined : await loadKeys(keysFrom);

const started = performance.now();
const cache = flags.has('no-cache') ? null : openCensusCache();
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Each market's census, kept ones read and the rest worked out on every core and kept;
 * null, with the reason printed, when the model cannot play one of them.
 */
async function marketCensuses(markets: Map<string, KeptMarket>) {
  const progress = progressLine("markets' censuses worked out");
  const found = await keptCensuses([...markets.values()], cache, {
    onEach: progress.update,
  }).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  // the line is cleared before anything else is printed
  progress.end();
  for (const w of cache?.warnings ?? []) console.error(`warning: ${w}`);
  if (!(found instanceof Error)) return found;
  console.error(`error: a market's census could not be worked out: ${found.message}`);
  return null;
}

function addMarket(
  markets: Map<string, KeptMarket>,
  hash: string,
  scenario: KeptMarket['scenario'],
  seed: string,
): void {
  const key = marketKey(hash, seed, scenario.model);
  if (!markets.has(key)) markets.set(key, { key, hash, scenario, seed });
}

/** --prepare: every trainee's market, known from the links, worked out now and kept. */
async function prepareMarkets(links: Roster): Promise<number> {
  const markets = new Map<string, KeptMarket>();
  const unknown = new Set<string>();
  for (const entry of links.values()) {
    const b = scenarios.get(entry.scenario);
    if (b) addMarket(markets, b.hash, b.scenario, entry.seed);
    else unknown.add(entry.scenario);
  }
  if (unknown.size > 0) {
    fail(
      `${linksFile}: scenario ${[...unknown].join(', ')} is not one of the game's; pass its file with --scenario file.yaml`,
      USAGE,
    );
  }
  const found = await marketCensuses(markets);
  if (found === null) return 1;
  if (!found.kept) {
    console.error(
      'error: nothing was prepared: the censuses could not be kept (see the warning above)',
    );
    return 1;
  }
  const ms = Math.round(performance.now() - started);
  console.log(
    `${count(markets.size, 'market')} of ${count(links.size, 'trainee')} ready in ${defaultCacheDir()}: ${found.worked} worked out, ${markets.size - found.worked} already kept; ${ms} ms`,
  );
  return 0;
}

/** Every result replayed, graded against its market, and printed one line each. */
async function verifyResults(): Promise<number> {
  const files: string[] = [];
  for (const p of rest) {
    try {
      collect(p, files);
    } catch {
      fail(`no such file or folder: ${p}`, USAGE);
    }
  }
  const items: Intake[] = [];
  for (const file of files) {
    const large = tooLarge(file, statSync(file).size);
    if (large) {
      items.push(large);
      continue;
    }
    items.push(...readText(readFileSync(file, 'utf8'), file, scenarios));
  }
  // one census per market, before grading
  const markets = new Map<string, KeptMarket>();
  for (const { record: r } of items) {
    // the market as the result was played: its edition, under its model
    const entry = r ? replayedOn(scenarios, r) : undefined;
    // a practice result is listed, never graded: no census for it
    if (r && entry && entry.hash === r.hash && !isPractice(r))
      addMarket(markets, r.hash, entry.scenario, r.seed);
  }
  const found = await marketCensuses(markets);
  if (found === null) return 1;
  const standingOf: StandingOf = (scenario, hash, seed, value) => {
    const c = found.censuses.get(marketKey(hash, seed, scenario.model)) ?? census(scenario, seed);
    return { percentile: percentile(c, value), exhaustive: c.exhaustive, margin: c.margin };
  };
  const graded = gradeAll(items, {
    scenarios,
    passMark,
    standingOf,
    // with a links file the check is of its assignments only, as on HR's page: another
    // assignment's result is replayed and listed apart, not graded into this cohort
    ...(roster ? { roster, linksOnly: true } : {}),
    ...(keys ? { keys } : {}),
    signedOnly,
  });
  for (const g of graded) console.log(line(g));

  const t = tally(graded);
  const rows = cohort(graded, roster);
  const silent = rows.filter((r) => r.status === 'no result').length;
  const csvFile = flags.get('csv');
  if (csvFile !== undefined) writeFileSync(csvFile, cohortCsv(rows));
  const ms = Math.round(performance.now() - started);
  const censusNote =
    cache === null
      ? 'no census cache'
      : found.worked < markets.size
        ? `${count(markets.size - found.worked, 'census', 'censuses')} kept from earlier runs`
        : found.kept
          ? 'censuses worked out and kept'
          : 'censuses worked out, not kept';
  console.log(
    `${t.records} records from ${files.length} files: ${genuineText(t)}, ${t.notGenuine} not genuine, ${t.duplicates} duplicates${t.outside > 0 ? `, ${t.outside} of another assignment (listed apart)` : ''}${signedOnly ? `, ${t.notSigned} not signed (not counted)` : ''}; ${rows.length} trainees${silent > 0 ? ` (${silent} sent nothing)` : ''}; ${count(markets.size, 'market')}${markets.size > 0 ? ` (${censusNote})` : ''}; ${ms} ms`,
  );
  if (graded.length === 0) console.error('no records found');
  return t.notGenuine > 0 || t.notSigned > 0 || graded.length === 0 ? 1 : 0;
}

const MARK_FROM = {
  'links file': 'from the links file',
  result: "from the result's assignment",
  verifier: passGiven ? 'from --pass' : 'the default: give --pass or --links',
} as const;

function line(g: Graded): string {
  const who = `${g.trainee || '(no trainee)'}  ${g.session || '-'}  ${g.scenario || '-'}  attempt ${g.attempt ?? '-'}`;
  // a file that could not be read as a result still says who and what it claims to be
  const claim = g.claimed ? ' (as the file claims, unchecked)' : '';
  if (!g.genuine) return `NOT GENUINE  ${g.source}: ${who}${claim}: ${g.reason}`;
  if (g.outside !== undefined && !g.duplicate)
    return `APART        ${g.source}: ${who}: not part of this check: ${g.outside} (its replay is genuine)`;
  if (g.practice && !g.duplicate)
    return `PRACTICE     ${g.source}: ${who}: practice: not counted (no assignment)  score ${g.score}`;
  if (g.notSigned && !g.duplicate)
    return `NOT COUNTED  ${g.source}: ${who}: not signed — not counted: ${g.notSigned}  score ${g.score}`;
  const result = `score ${g.score}  percentile ${g.percentile}  ${g.passed ? 'PASS' : 'FAIL'} (mark ${g.passMark}, ${MARK_FROM[g.passMarkFrom ?? 'verifier']})${g.overLimit || g.late ? '  DOES NOT COUNT' : ''}`;
  const signed = g.signature ? `  ${signatureText(g.signature)}` : '';
  const notes = g.notes.length > 0 ? `  [${g.notes.join('; ')}]` : '';
  return `${g.duplicate ? 'DUPLICATE  ' : 'genuine    '}  ${g.source}: ${who}  ${result}${signed}${notes}`;
}

// exitCode, not exit(): exit() would cut off output still on its way down a pipe
process.exitCode = prepare ? await prepareMarkets(roster!) : await verifyResults();
