import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threadBundle } from '../../src/cli/thread-bundle.ts';

// The census threads' bundle is kept between commands, and never used once a file it was
// built from has changed: a stale model in the threads would grade results by old rules.

describe("the census threads' kept bundle", () => {
  let dir = '';
  const before = process.env.TOW_CLI_CACHE_DIR;
  const manifestPath = () => join(dir, 'census-threads.json');
  const manifest = () =>
    JSON.parse(readFileSync(manifestPath(), 'utf8')) as {
      inputs: Record<string, string>;
      code: string;
    };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tow-threads-'));
    process.env.TOW_CLI_CACHE_DIR = dir;
  });
  afterEach(() => {
    if (before === undefined) delete process.env.TOW_CLI_CACHE_DIR;
    else process.env.TOW_CLI_CACHE_DIR = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is built from the model and kept with the hash of every file it came from', () => {
    const code = threadBundle();
    expect(code).toContain('census');
    const kept = manifest();
    expect(kept.code).toBe(code);
    expect(Object.keys(kept.inputs)).toEqual(
      expect.arrayContaining(['src/cli/sim-thread.ts', 'src/sim/step.ts', 'package.json']),
    );
  });

  it('is read back while its sources are unchanged', () => {
    threadBundle();
    writeFileSync(manifestPath(), JSON.stringify({ ...manifest(), code: '/* kept */' }));
    expect(threadBundle()).toBe('/* kept */');
  });

  it('is built again when a source differs from the one it was built from', () => {
    const fresh = threadBundle();
    const kept = manifest();
    kept.inputs['src/sim/step.ts'] = 'the hash of an older step.ts';
    writeFileSync(manifestPath(), JSON.stringify({ ...kept, code: '/* stale */' }));
    expect(threadBundle()).toBe(fresh);
    expect(manifest().code).toBe(fresh);
  });
});
