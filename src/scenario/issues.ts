import type { LineCounter } from 'yaml';
import { formatPath, type ScenarioIssue } from './errors.ts';
import { showInvisible } from './invisible.ts';
import type { CheckStage } from './stages.ts';

// The errors and warnings of one file, as they are found, each placed at a line and column
// and said once. Past MAX_ISSUES errors the rest are counted, not listed: a pasted file of
// 40,000 stray keys is one mistake, and working out 40,000 messages took minutes.

/** Errors listed per file; one more line then says how many were left out. */
export const MAX_ISSUES = 50;

export interface Failed {
  ok: false;
  /** the first MAX_ISSUES errors by position, then one saying how many more there are */
  issues: ScenarioIssue[];
  warnings: ScenarioIssue[];
  /** every error found, listed or not */
  problems: number;
  /** the stage the checks stopped at: the later stages have not run (stages.ts) */
  stage: CheckStage;
}

interface Found {
  line: number;
  col: number;
  path: readonly PropertyKey[];
  message: string;
  warning?: boolean;
}

/** An error whose place is known but whose path and message cost work to find. */
export interface Pending {
  line: number;
  col: number;
  describe: () => { path: readonly PropertyKey[]; message: string };
}

/** Line and column (1-based) of an offset, without a parsed document. */
function lineColOf(source: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

export function byPosition(a: { line: number; col: number }, b: { line: number; col: number }) {
  return a.line - b.line || a.col - b.col;
}

type Place = { line: number; col: number };

export class Issues {
  readonly errors: ScenarioIssue[] = [];
  readonly warnings: ScenarioIssue[] = [];
  /** errors counted but never described, past the cap, and where the first of them is */
  private unlisted = 0;
  private firstUnlisted: Place | undefined;
  /** errors described so far, and those of them not listed for repeating one on their line */
  private described = 0;
  private repeated = 0;
  private readonly seen = new Set<string>();
  constructor(
    readonly file: string,
    readonly source: string,
    readonly lines: LineCounter | null,
  ) {}

  /** Line and column of a character offset; offsets past the end are on the last line. */
  where(offset: number): { line: number; col: number } {
    const o = Math.max(0, Math.min(offset, this.source.length));
    return this.lines ? this.lines.linePos(o) : lineColOf(this.source, o);
  }

  /** Adds an issue at a character offset. */
  at(offset: number, path: readonly PropertyKey[], message: string, warning = false): void {
    this.push({ ...this.where(offset), path, message, warning });
  }

  /**
   * Adds errors found at character offsets, with a path found (by reading the document
   * from its top) for only as many as can be listed.
   */
  atOffsets(
    found: { offset: number; message: string }[],
    pathAt: (offset: number) => readonly PropertyKey[],
  ): void {
    for (const f of found.sort((a, b) => a.offset - b.offset)) {
      if (this.full()) this.skip(() => this.where(f.offset));
      else this.at(f.offset, pathAt(f.offset), f.message);
    }
  }

  /** Adds errors in the order of the file, describing only as many as can be listed. */
  pending(found: Pending[]): void {
    for (const f of found.sort(byPosition)) {
      if (this.full()) this.skip(() => f);
      else this.push({ line: f.line, col: f.col, ...f.describe() });
    }
  }

  private skip(place: () => Place): void {
    this.unlisted++;
    this.firstUnlisted ??= place();
  }

  /** The list cut at MAX_ISSUES, with a last line at the first one left out. */
  private capped(list: ScenarioIssue[], unlisted = 0, firstUnlisted?: Place): ScenarioIssue[] {
    const sorted = list.sort(byPosition);
    const more = Math.max(0, sorted.length - MAX_ISSUES) + unlisted;
    if (more === 0) return sorted;
    const at = sorted[MAX_ISSUES] ?? firstUnlisted ?? sorted.at(-1)!;
    return [
      ...sorted.slice(0, MAX_ISSUES),
      {
        file: this.file,
        line: at.line,
        col: at.col,
        path: '',
        message: `… and ${more} more problem${more === 1 ? '' : 's'}, not listed: fix the ones above and check again`,
      },
    ];
  }

  /**
   * Enough described: one past the cap, or a few times the cap when most said the same as
   * an earlier one on their line (43,000 copies of one key on one line each cost a read of
   * the whole mapping to place).
   */
  private full(): boolean {
    return this.errors.length > MAX_ISSUES || this.described >= 4 * MAX_ISSUES;
  }

  push(i: Found): void {
    if (!i.warning) this.described++;
    const entry: ScenarioIssue = {
      file: this.file,
      line: Math.max(1, i.line),
      col: Math.max(1, i.col),
      // a message may quote the file: keep it on one line and the right way round
      path: showInvisible(formatPath(i.path)),
      message: showInvisible(i.message.replace(/\s*\n\s*/g, ' ')),
    };
    const key = `${i.warning ? 'w' : 'e'}${entry.line}:${entry.message}`;
    if (this.seen.has(key)) {
      if (!i.warning) this.repeated++;
      return;
    }
    this.seen.add(key);
    (i.warning ? this.warnings : this.errors).push(entry);
  }

  result(stage: CheckStage): Failed {
    // a repeat is a knock-on of the error listed on its line, unless the list is cut short
    // anyway: then each one counts among the problems not listed
    const unlisted = this.unlisted > 0 ? this.unlisted + this.repeated : 0;
    return {
      ok: false,
      issues: this.capped(this.errors, unlisted, this.firstUnlisted),
      warnings: this.capped(this.warnings),
      problems: this.errors.length + unlisted,
      stage,
    };
  }

  /** The warnings of a file that passed, in the order of the file. */
  sortedWarnings(): ScenarioIssue[] {
    return this.capped(this.warnings);
  }
}
