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
}

const START = 'TOW1-';
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
    const at = line.indexOf(START, from);
    if (at < 0) {
      i++;
      from = 0;
      continue;
    }
    RUN_HERE.lastIndex = at;
    const part = RUN_HERE.exec(line)![0];
    const whole = codeAtStart(part);
    const joined =
      !whole && runsToEnd(line, at + part.length) && unfinished(part)
        ? rejoin(part, lines, i + 1, 1)
        : null;
    found.push({ code: whole ?? joined?.code ?? part, line: i + 1 });
    if (joined) {
      i = joined.lineIndex;
      from = joined.end;
    } else from = at + (whole ?? part).length;
  }
  return found;
}
