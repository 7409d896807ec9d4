import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadResult } from '../../src/scenario/load.ts';
import {
  type CheckReply,
  type CheckRequest,
  createChecker,
  type WorkerLike,
} from '../../src/workshop/check-client.ts';

// The authoring page's checks run in a worker with a time limit: a check that never
// answers is stopped and said to have run out of time, and a newer text replaces a check
// still running, so the page never waits on an old or endless check.

const failed = (message: string): LoadResult => ({
  ok: false,
  issues: [{ file: 'f.yaml', line: 1, col: 1, path: '', message }],
  warnings: [],
  problems: 1,
  stage: 'meaning',
});

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<CheckReply>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  sent: CheckRequest[] = [];
  terminated = false;
  postMessage(m: CheckRequest): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(result: LoadResult, id = this.sent.at(-1)!.id): void {
    this.onmessage?.({ data: { id, result } } as MessageEvent<CheckReply>);
  }
}

describe('the authoring check in a worker', () => {
  let workers: FakeWorker[];
  const makeWorker = () => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  };
  const onPage = vi.fn(async () => failed('checked on the page'));
  beforeEach(() => {
    workers = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('gives the worker’s result, and reuses the worker for the next check', async () => {
    const checker = createChecker({ limitMs: 5000, makeWorker, onPage });
    const first = checker.check('a: 1', 'f.yaml');
    expect(workers[0]!.sent[0]).toMatchObject({ text: 'a: 1', file: 'f.yaml' });
    workers[0]!.answer(failed('one'));
    expect(await first).toEqual({ kind: 'done', result: failed('one') });
    const second = checker.check('a: 2', 'f.yaml');
    workers[0]!.answer(failed('two'));
    expect(await second).toEqual({ kind: 'done', result: failed('two') });
    expect(workers).toHaveLength(1);
    expect(onPage).not.toHaveBeenCalled();
  });

  it('stops a check that runs past the limit and says it ran out of time', async () => {
    const checker = createChecker({ limitMs: 5000, makeWorker, onPage });
    const outcome = checker.check('endless', 'f.yaml');
    vi.advanceTimersByTime(5000);
    expect(await outcome).toEqual({ kind: 'timeout', seconds: 5 });
    expect(workers[0]!.terminated).toBe(true);
    // the next check starts afresh in a new worker
    const next = checker.check('a: 1', 'f.yaml');
    expect(workers).toHaveLength(2);
    workers[1]!.answer(failed('fresh'));
    expect(await next).toEqual({ kind: 'done', result: failed('fresh') });
  });

  it('drops a check still running when a newer text comes, and ignores its late answer', async () => {
    const checker = createChecker({ limitMs: 5000, makeWorker, onPage });
    const old = checker.check('old', 'f.yaml');
    const fresh = checker.check('new', 'f.yaml');
    expect(await old).toEqual({ kind: 'stale' });
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.answer(failed('old'), 1);
    workers[1]!.answer(failed('new'));
    expect(await fresh).toEqual({ kind: 'done', result: failed('new') });
  });

  it('checks on the page where no worker can start', async () => {
    const checker = createChecker({ limitMs: 5000, makeWorker: () => null, onPage });
    expect(await checker.check('a: 1', 'f.yaml')).toEqual({
      kind: 'done',
      result: failed('checked on the page'),
    });
  });
});
