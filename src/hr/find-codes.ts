import { codeAtStart, LONGEST_CHECK, withoutSoftBreaks } from '../record/code.ts';

// Result codes in whatever text they come in: an e-mail whose subject starts "[External]",
// a chat log with times and names, a reply quoting with "> ". Mail and chat programs wrap
// long lines, so a code may go on at the next line, after that line's own prefix ("> ",
// "[2/2] ", "10:43 Ben: ") or after a quoted-printable "=" that ended the line before. A
// join is kept only when the joined code's checksum matches, which a wrong join does
// about once in 2^40.

export interface FoundCode {
  code: string;
  /** the line, from 1, where the code starts */
  line: number;
  /** why what looks like a code cannot be read, when reading it would say less */
  error?: string;
}

const START = 'TOW1-';
/** a code's prefix in any case, of any format: "TOW1-", "tow1-", "TOW2-" */
const ANY_START = /TOW(\d+)-/gi;
/** a prefix of another format counts as a code when this much of a body follows it */
const BODY_SEEN = 16;
/** spaces and tabs between two pieces of a code on one line */
const GAP = /[ \t\u00a0]+/y;
const RUN = /[A-Za-z0-9_.-]+/g;
const RUN_HERE = /[A-Za-z0-9_.-]+/y;
/** a code wrapped even at 40 columns spans a handful of lines */
const MAX_LINES = 8;
/** runs of a line tried as a code's rest: enough for "10:43 Maria de la Cruz Diaz: …" */
const MAX_RUNS = 12;
/** longer than any code: a run of this much is no code to be continued */
const MAX_JOINED = 2000;

/** Whether more characters could still make `part` a whole code. */
function unfinished(part: string): boolean {
  const dot = part.indexOf('.');
  return part.length < MAX_JOINED && (dot < 0 || part.length - dot - 1 < LONGEST_CHECK);
}

const runsToEnd = (line: string, end: number) => end === line.trimEnd().length;

interface Joined {
  code: string;
  /** the index of the line the code ends on, and where on it */
  lineIndex: number;
  end: number;
}

/** `part`, which runs to the end of a line, completed on the lines from `j` on. */
function rejoin(part: string, lines: readonly string[], j: number, depth: number): Joined | null {
  const line = lines[j];
  if (line === undefined || depth > MAX_LINES) return null;
  const runs = [...line.matchAll(RUN)];
  // the rest may follow any prefix the line has; only the checksum says which run it is
  for (const run of runs.slice(0, MAX_RUNS)) {
    const whole = codeAtStart(part + run[0]);
    if (whole) return { code: whole, lineIndex: j, end: run.index + whole.length - part.length };
  }
  const last = runs.at(-1);
  if (!last || !runsToEnd(line, last.index + last[0].length)) return null;
  const longer = part + last[0];
  return unfinished(longer) ? rejoin(longer, lines, j + 1, depth + 1) : null;
}

/** The runs after `end` on `line` that only spaces separate from it, at most MAX_RUNS. */
function spacedRuns(line: string, end: number): { run: string; end: number }[] {
  const out: { run: string; end: number }[] = [];
  let at = end;
  while (out.length < MAX_RUNS) {
    GAP.lastIndex = at;
    if (!GAP.exec(line)) break;
    RUN_HERE.lastIndex = GAP.lastIndex;
    const run = RUN_HERE.exec(line);
    // the next code on the line is no piece of this one
    if (!run || /^TOW\d+-/i.test(run[0])) break;
    at = RUN_HERE.lastIndex;
    out.push({ run: run[0], end: at });
  }
  return out;
}

/** `part`, which a space cuts on its line `i`, joined with the pieces after the space(s). */
function joinSpaced(
  part: string,
  lines: readonly string[],
  i: number,
  end: number,
): { joined: Joined | null; spaced: boolean } {
  const line = lines[i]!;
  let longer = part;
  const runs = spacedRuns(line, end);
  // the code's own end (a dot and a checksum) after a space: the space is inside the code
  const spaced = !part.includes('.') && /\.[A-Za-z0-9_-]{7}/.test(runs[0]?.run ?? '');
  for (const { run, end: runEnd } of runs) {
    longer += run;
    const whole = codeAtStart(longer);
    if (whole) {
      return {
        joined: { code: whole, lineIndex: i, end: runEnd - (longer.length - whole.length) },
        spaced: true,
      };
    }
    if (!unfinished(longer)) break;
    if (runsToEnd(line, runEnd)) return { joined: rejoin(longer, lines, i + 1, 1), spaced };
  }
  return { joined: null, spaced };
}

const SPACED =
  'the code has a space inside it, and joined again it still does not read (the checksum does not match): a part of it was changed or lost when copied';

const otherFormat = (prefix: string) =>
  `"${prefix}…": a code format this checker does not know (it reads TOW1- codes): is it up to date? Reload the page (or update the game) and check again`;

/**
 * Every result code in the text, in order, wrapped ones joined again; the search stops
 * once more than `limit` are found. A code that cannot be completed is returned as it
 * stands, so that reading it says what is wrong with it.
 */
export function findCodes(text: string, limit = Number.POSITIVE_INFINITY): FoundCode[] {
  const lines = withoutSoftBreaks(text).split(/\r\n|\r|\n/);
  const found: FoundCode[] = [];
  let i = 0;
  let from = 0;
  while (i < lines.length && found.length <= limit) {
    const line = lines[i]!;
    ANY_START.lastIndex = from;
    const start = ANY_START.exec(line);
    if (!start) {
      i++;
      from = 0;
      continue;
    }
    const at = start.index;
    RUN_HERE.lastIndex = at;
    const written = RUN_HERE.exec(line)![0];
    const runEnd = at + written.length;
    if (start[1] !== '1') {
      // another format's prefix: a code this reader cannot read, if a body follows it
      if (written.length - start[0].length >= BODY_SEEN) {
        found.push({ code: written, line: i + 1, error: otherFormat(start[0].toUpperCase()) });
      }
      from = runEnd;
      continue;
    }
    // "tow1-…" is read as "TOW1-…": only the prefix may change case; in small letters, a
    // word such as "tow1-2" in a sentence is no code
    if (
      start[0] !== START &&
      written.length - START.length < BODY_SEEN &&
      !runsToEnd(line, runEnd)
    ) {
      from = runEnd;
      continue;
    }
    const part = START + written.slice(START.length);
    const whole = codeAtStart(part);
    let joined: Joined | null = null;
    let spaced = false;
    if (!whole && unfinished(part)) {
      if (runsToEnd(line, runEnd)) joined = rejoin(part, lines, i + 1, 1);
      else ({ joined, spaced } = joinSpaced(part, lines, i, runEnd));
    }
    const code = whole ?? joined?.code ?? part;
    found.push({
      code,
      line: i + 1,
      ...(!whole && !joined && spaced ? { error: SPACED } : {}),
    });
    if (joined) {
      i = joined.lineIndex;
      from = joined.end;
    } else from = at + (whole ?? written).length;
  }
  return found;
}
