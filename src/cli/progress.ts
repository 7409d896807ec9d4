// A line on the terminal that counts a long job as it goes ("markets worked out: 120 of 500"),
// written over in place. Only on a terminal, and only once the job has run a moment: piped
// or logged, the output holds the results and the errors alone, and a quick run shows none.

export interface Progress {
  update(done: number, total: number): void;
  /** clears the line, so that what is printed next starts at the left */
  end(): void;
}

/** What the line needs of a stream: process.stderr has it. */
export interface Terminal {
  isTTY?: boolean;
  write(text: string): unknown;
}

const SHOW_AFTER_MS = 300;
const REDRAW_MS = 100;

export function progressLine(
  label: string,
  stream: Terminal = process.stderr,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  let drawn = -Infinity;
  let showing = false;
  let ended = false;
  return {
    update(done, total) {
      // (a thread may still answer after the job has failed and the line was cleared)
      if (stream.isTTY !== true || ended) return;
      const t = now();
      if (t - started < SHOW_AFTER_MS || (t - drawn < REDRAW_MS && done < total)) return;
      drawn = t;
      showing = true;
      stream.write(`\r${label}: ${done} of ${total}\x1b[K`);
    },
    end() {
      if (showing) stream.write('\r\x1b[K');
      showing = false;
      ended = true;
    },
  };
}
