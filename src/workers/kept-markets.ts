import { createStore, delMany, getMany, keys, setMany, type UseStore } from 'idb-keyval';
import { censusProblem, UNSTAMPED_MODEL } from '../sim/index.ts';
import type { MarketCensus } from './fair-score.ts';

// The markets HR's verify page has worked out, kept in the browser's IndexedDB (through
// idb-keyval) so that checking the same cohort again, as more results come in, ranks the
// earlier trainees' scores without playing their markets' censuses again. Entries are
// filed under the model's digest (fixed at build time), so a census of an earlier model is
// never read, and each one is checked whole before it is used. Each entry also names the
// model version whose rules worked it out (this version's, or an earlier one's for a result
// that model made: src/sim/model-version.ts), so that no reader has to trust the key alone. Keeping
// is a convenience: a browser that refuses storage, or is full, still grades everything,
// and the page says that nothing could be kept.

/** A market to keep, with the model whose rules worked it out (its scenario's model). */
export interface ModelMarket {
  market: MarketCensus;
  model: number;
}

export interface KeptMarkets {
  /** the kept markets among these, by key with the model wanted, that are there and whole */
  get(wanted: ReadonlyMap<string, number>): Promise<Map<string, MarketCensus>>;
  /** keeps these; false when the browser would not */
  put(entries: ReadonlyMap<string, ModelMarket>): Promise<boolean>;
}

const PREFIX = `${__MODEL_DIGEST__}|`;

function isParLine(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as { policy?: unknown; score?: unknown; choices?: unknown };
  return (
    typeof p.policy === 'string' &&
    Number.isInteger(p.score) &&
    Array.isArray(p.choices) &&
    p.choices.every((c) => typeof c === 'string')
  );
}

function isWhole(v: unknown, model: number): v is MarketCensus {
  if (typeof v !== 'object' || v === null) return false;
  const m = v as { census?: unknown; par?: unknown; model?: unknown };
  return (
    (m.model ?? UNSTAMPED_MODEL) === model &&
    censusProblem(m.census) === null &&
    Array.isArray(m.par) &&
    m.par.every(isParLine) &&
    // rankIn reads the best line
    m.par.some((p: { policy: string }) => p.policy === 'best')
  );
}

/**
 * The browser's kept markets, or null where there is no IndexedDB to be had (some private
 * modes, a locked-down browser). Entries of other models are cleared on the way.
 */
export function openKeptMarkets(): Promise<KeptMarkets | null> {
  // one connection per page, however many checks it runs
  opened ??= openStore();
  return opened;
}

let opened: Promise<KeptMarkets | null> | undefined;

async function openStore(): Promise<KeptMarkets | null> {
  if (typeof indexedDB === 'undefined') return null;
  let store: UseStore;
  try {
    store = createStore('tow-censuses', 'markets');
    const stale = (await keys<string>(store)).filter((k) => !k.startsWith(PREFIX));
    if (stale.length > 0) await delMany(stale, store);
  } catch {
    return null;
  }
  return {
    async get(wanted) {
      const found = new Map<string, MarketCensus>();
      const asked = [...wanted];
      try {
        const values = await getMany(
          asked.map(([k]) => PREFIX + k),
          store,
        );
        asked.forEach(([k, model], i) => {
          if (isWhole(values[i], model)) found.set(k, values[i]);
        });
      } catch {
        // unreadable storage: everything is worked out again
      }
      return found;
    },
    async put(entries) {
      if (entries.size === 0) return true;
      try {
        await setMany(
          [...entries].map(([k, { market, model }]) => [PREFIX + k, { ...market, model }]),
          store,
        );
        return true;
      } catch {
        return false;
      }
    },
  };
}
