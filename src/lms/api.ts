// The SCORM 1.2 runtime API an LMS puts on a window above ours (RTE 3.3). Every value is a
// string; "true"/"false" for success. Some LMSs return real booleans: accept both.

export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(key: string): string;
  LMSSetValue(key: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
}

/** What we need of a window: its API, its parent and its opener. */
export interface ApiHost {
  API?: unknown;
  parent?: ApiHost | null;
  opener?: ApiHost | null;
}

const MAX_DEPTH = 10;

function isApi(value: unknown): value is Scorm12Api {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.LMSInitialize === 'function' && typeof v.LMSSetValue === 'function';
}

/** The window's own API, else its parents' (up to the top), as the SCORM 1.2 search does. */
function searchUp(start: ApiHost | null | undefined): Scorm12Api | null {
  let win = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    try {
      // a frame of another origin throws on any property read: stop climbing there
      if (isApi(win.API)) return win.API;
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    } catch {
      return null;
    }
  }
  return null;
}

/** Looks in the window, its parents, then its opener and the opener's parents. */
export function findApi(win: ApiHost): Scorm12Api | null {
  const found = searchUp(win);
  if (found) return found;
  try {
    return searchUp(win.opener);
  } catch {
    return null;
  }
}
