import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.ts';

function terminal(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('the progress line', () => {
  it('counts on a terminal once the job has run a moment, and clears itself at the end', () => {
    const tty = terminal(true);
    let now = 0;
    const line = progressLine('markets worked out', tty, () => now);
    line.update(1, 50); // a quick job shows nothing
    now = 400;
    line.update(20, 50);
    now = 420;
    line.update(21, 50); // too soon to draw again
    now = 900;
    line.update(50, 50);
    line.end();
    now = 2000;
    line.update(51, 52); // a thread answering after the job has ended draws nothing
    expect(tty.written).toEqual([
      '\rmarkets worked out: 20 of 50\x1b[K',
      '\rmarkets worked out: 50 of 50\x1b[K',
      '\r\x1b[K',
    ]);
  });

  it('writes nothing when the output goes to a file or a pipe', () => {
    const piped = terminal(false);
    let now = 0;
    const line = progressLine('markets worked out', piped, () => now);
    now = 5000;
    line.update(3, 5);
    line.end();
    expect(piped.written).toEqual([]);
  });
});
