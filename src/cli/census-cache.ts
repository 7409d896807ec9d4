import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { batchesEvery } from '../lib/batches.ts';
import {
  censusProblem,
  MODEL_VERSION,
  modelOfScenario,
  type StrategyCensus,
  UNSTAMPED_MODEL,
} from '../sim/index.ts';
import { censuses, type Market } from './census-pool.ts';
import { MODEL_SOURCE, modelDigest } from './model-digest.ts';

// The verifier's censuses kept on disk between runs. A market's census depends on the
// scenario, the seed and the model alone, and HR knows every trainee's market when the
// links are made: `verify --prepare --links links.csv` works them out while the trainees
// play, and verifying their results later replays the games but plays no census again.
// Results come in over days, and every run over the growing folder gains the same way.
//
// Only the censuses are kept: every result is still replayed and its score checked. A
// census is the yardstick its fair score is read against, so the cache is as trustworthy
// as the machine it is on (see docs/hr.md); --no-cache works everything out afresh.
//
// A result of an earlier model the game still replays (src/sim/model-version.ts) is ranked
// in its market under that model's rules: its censuses are another file, named after the
// model, beside this model's.

/** A market, with the content hash of its scenario: the cache's files go by scenario. */
export interface KeptMarket extends Market {
  hash: string;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the censuses are kept: TOW_CACHE_DIR, or the project's node_modules/.cache. */
export function defaultCacheDir(): string {
  return process.env.TOW_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'tug-of-war');
}

export interface CensusCache {
  /** the kept censuses of these markets that are there and whole, by market key */
  lookup(markets: readonly KeptMarket[]): Map<string, StrategyCensus>;
  /** keeps these censuses for later runs; false when they could not be written */
  keep(markets: readonly KeptMarket[], found: ReadonlyMap<string, StrategyCensus>): boolean;
  /** what went wrong reading or writing, one line each: the run goes on without */
  readonly warnings: string[];
}

/** A folder of this tool's: an earlier model's censuses, which nothing reads any more. */
const OLD_MODEL = /^model-[0-9a-f]{16}$/;

/**
 * The censuses kept in a file, by seed; null when there is none; 'damaged' when unreadable;
 * the model version that worked them out when it is not the one expected. The folder's
 * digest and the file's name already keep models apart; the version inside the file says
 * which model made it, to whoever reads the file, and is checked all the same.
 */
function readKept(
  path: string,
  expected: number,
): Map<string, unknown> | null | 'damaged' | { model: number } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  try {
    // the censuses by seed as JSON.parse gives them: a seed is any text, "__proto__" too,
    // and JSON.parse keeps that one as an ordinary key
    const file = JSON.parse(text) as { format?: unknown; model?: unknown; censuses?: unknown };
    const { censuses } = file;
    if (file.format !== 1 || typeof censuses !== 'object' || censuses === null) return 'damaged';
    // files kept before the version was written in were all model 1's
    const model = file.model ?? UNSTAMPED_MODEL;
    if (typeof model !== 'number' || !Number.isInteger(model)) return 'damaged';
    if (model !== expected) return { model };
    if (Array.isArray(censuses)) return 'damaged';
    return new Map(Object.entries(censuses));
  } catch {
    return 'damaged';
  }
}

export function openCensusCache(
  dir: string = defaultCacheDir(),
  /** the model's source folder, whose digest files the censuses (tests give a copy) */
  modelSource: string = MODEL_SOURCE,
): CensusCache {
  const model = `model-${modelDigest(modelSource)}`;
  const modelDir = join(dir, model);
  const warnings: string[] = [];
  // each scenario's file per model, read once: seed → census as it was stored
  const files = new Map<string, Map<string, unknown>>();
  /** A market's file: its scenario's hash, and the model its census is worked out under. */
  const fileOf = (m: Pick<KeptMarket, 'hash' | 'scenario'>) => {
    const model = modelOfScenario(m.scenario);
    const name = m.hash.replace(/[^0-9a-f]/g, '_').slice(0, 64);
    return {
      model,
      path: join(
        modelDir,
        model === MODEL_VERSION ? `${name}.json` : `${name}.model-${model}.json`,
      ),
    };
  };

  const read = (m: KeptMarket): Map<string, unknown> => {
    const { model, path } = fileOf(m);
    let stored = files.get(path);
    if (stored) return stored;
    const kept = readKept(path, model);
    if (kept === 'damaged') {
      warnings.push(`${path} is damaged: its censuses are worked out again`);
    } else if (kept !== null && !(kept instanceof Map)) {
      warnings.push(
        `${path}: its censuses were worked out by model ${kept.model} of the simulation, not ${model}; they are worked out again`,
      );
    }
    stored = kept instanceof Map ? kept : new Map();
    files.set(path, stored);
    return stored;
  };

  /** Writes these censuses into their file, beside what other runs kept there. */
  const write = (
    { model, path }: ReturnType<typeof fileOf>,
    fresh: Map<string, StrategyCensus>,
  ) => {
    // read again just before writing: another run may have kept censuses meanwhile
    const onDisk = readKept(path, model);
    const all = onDisk instanceof Map ? onDisk : new Map<string, unknown>();
    for (const [seed, c] of fresh) all.set(seed, c);
    // written whole, then renamed: a run stopped half-way leaves the old file
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(
        temporary,
        JSON.stringify({ format: 1, model, censuses: Object.fromEntries(all) }),
      );
      renameSync(temporary, path);
    } catch (err) {
      rmSync(temporary, { force: true });
      throw err;
    }
  };

  return {
    warnings,
    lookup(markets) {
      const out = new Map<string, StrategyCensus>();
      for (const m of markets) {
        const stored = read(m).get(m.seed);
        if (stored === undefined) continue;
        if (censusProblem(stored) === null) out.set(m.key, stored as StrategyCensus);
        else {
          warnings.push(
            `${fileOf(m).path}: the census of seed ${m.seed} is damaged: worked out again`,
          );
        }
      }
      return out;
    },
    keep(markets, found) {
      // by file: a scenario's censuses under one model
      const byFile = new Map<
        string,
        { file: ReturnType<typeof fileOf>; fresh: Map<string, StrategyCensus> }
      >();
      for (const m of markets) {
        const c = found.get(m.key);
        if (c === undefined) continue;
        const file = fileOf(m);
        if (!byFile.has(file.path)) byFile.set(file.path, { file, fresh: new Map() });
        byFile.get(file.path)!.fresh.set(m.seed, c);
      }
      if (byFile.size === 0) return true;
      try {
        makeFolder(modelDir);
        // an earlier model's censuses are never read again; only this tool's folders go
        for (const old of readdirSync(dir, { withFileTypes: true })) {
          if (old.isDirectory() && OLD_MODEL.test(old.name) && old.name !== model) {
            rmSync(join(dir, old.name), { recursive: true, force: true });
          }
        }
        for (const { file, fresh } of byFile.values()) write(file, fresh);
        return true;
      } catch (err) {
        warnings.push(
          `could not keep the censuses in ${dir} for later runs (${(err as Error).message}); they were worked out all the same`,
        );
        return false;
      }
    },
  };
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdirSync never returns for a path
 * under /proc (it retries ENOENT for ever), and TOW_CACHE_DIR may name any path at all.
 */
function makeFolder(path: string): void {
  try {
    mkdirSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw err;
    makeFolder(parent);
    mkdirSync(path);
  }
}

export interface KeepingOptions {
  /** called after each census worked out, with how many of those missing are done */
  onEach?: (done: number, missing: number) => void;
  /**
   * Censuses worked out are kept in batches as they come (see batchesEvery; default about
   * two seconds) and at the end: a long run stopped half-way (Ctrl-C, a market the model
   * cannot play) loses little.
   */
  keepEvery?: number;
}

/**
 * Each market's census by key: those kept from earlier runs, and the rest worked out on
 * every core and kept as they come. `worked` counts the censuses played this time; `kept`
 * is false when they could not be kept. If one cannot be worked out, those finished before
 * it are kept and the error is thrown on.
 */
export async function keptCensuses(
  markets: readonly KeptMarket[],
  cache: CensusCache | null,
  opts: KeepingOptions = {},
): Promise<{ censuses: Map<string, StrategyCensus>; worked: number; kept: boolean }> {
  const known = cache?.lookup(markets) ?? new Map<string, StrategyCensus>();
  const missing = markets.filter((m) => !known.has(m.key));
  let keptAll = cache !== null;
  // a folder that refused once is not tried again with every batch
  const batches = batchesEvery<KeptMarket>((batch) => {
    if (cache !== null && keptAll) keptAll = cache.keep(batch, known);
  }, opts.keepEvery);
  let done = 0;
  try {
    await censuses(missing, undefined, (m, c) => {
      known.set(m.key, c);
      opts.onEach?.(++done, missing.length);
      batches.add(m);
    });
  } finally {
    batches.flush();
  }
  return { censuses: known, worked: missing.length, kept: keptAll };
}
