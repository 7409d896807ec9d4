// The browser's storage as something that never throws. Private mode, a full disk, a
// blocked site or a sandboxed frame all make localStorage throw (on access, on write or on
// both); the game must still play, so every failure comes back as a value the store can
// turn into a notice.

export type WriteResult = { ok: true } | { ok: false; reason: 'unavailable' | 'full' };

export interface KeyValueStore {
  /** false when nothing written will survive a reload */
  readonly persistent: boolean;
  get(key: string): string | null;
  set(key: string, value: string): WriteResult;
  remove(key: string): void;
  keys(): string[];
}

/** A store that keeps values for this page only: the fallback when storage is refused. */
export function memoryStore(persistent = false): KeyValueStore {
  const map = new Map<string, string>();
  return {
    persistent,
    get: (key) => map.get(key) ?? null,
    set(key, value) {
      map.set(key, value);
      return { ok: true };
    },
    remove: (key) => void map.delete(key),
    keys: () => [...map.keys()],
  };
}

function isQuotaError(err: unknown): boolean {
  return (
    err instanceof DOMException &&
    (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * Wraps window.localStorage. When it cannot even be reached, values live in memory for
 * this page, and `persistent` says so.
 */
export function browserStore(getStorage: () => Storage = () => window.localStorage): KeyValueStore {
  let storage: Storage;
  try {
    storage = getStorage();
    // some browsers hand out a storage object that throws only on first use
    storage.getItem('tow.probe');
  } catch {
    return memoryStore(false);
  }
  // values written while storage refuses them, so this page still sees them
  const fallback = new Map<string, string>();
  return {
    persistent: true,
    get(key) {
      if (fallback.has(key)) return fallback.get(key) ?? null;
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    set(key, value) {
      try {
        storage.setItem(key, value);
        fallback.delete(key);
        return { ok: true };
      } catch (err) {
        fallback.set(key, value);
        return { ok: false, reason: isQuotaError(err) ? 'full' : 'unavailable' };
      }
    },
    remove(key) {
      fallback.delete(key);
      try {
        storage.removeItem(key);
      } catch {
        // nothing to undo: the key is gone from this page's view either way
      }
    },
    keys() {
      const out = new Set(fallback.keys());
      try {
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k !== null) out.add(k);
        }
      } catch {
        // a storage that cannot list its keys offers no saves to resume
      }
      return [...out];
    },
  };
}
