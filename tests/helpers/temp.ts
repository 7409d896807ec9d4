import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The folders tests write into (result files, caches, packages) all go under one folder per
// test run, which the run's global set-up makes and removes at the end: runs used to leave
// hundreds of folders, some hundred megabytes, in the system's temporary folder.

const RUN_FOLDER = 'TOW_TEST_TMP';

/** A new empty folder for a test: `name` says what it is for. */
export function tempDir(name: string): string {
  const root = process.env[RUN_FOLDER] || tmpdir();
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, `tow-${name}-`));
}

/**
 * Global set-up: makes the run's folder (vitest names it in its config, since its workers
 * take their environment from there; Playwright's inherit this process's) and returns the
 * teardown that removes it.
 */
export function runFolder(root = mkdtempSync(join(tmpdir(), 'tow-test-run-'))): () => void {
  mkdirSync(root, { recursive: true });
  process.env[RUN_FOLDER] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
