import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from '../../../playwright.config.ts';

// The rope view's own browser tests run against the harness page, built beside the site
// by build.ts (`DIST_DIR=dist-h4 npx tsx tests/e2e/harness/build.ts`) and served by
// vite preview. H4_PORT keeps it off others' ports.
const PORT = Number(process.env.H4_PORT ?? 4391);
const DIST = process.env.DIST_DIR ?? 'dist-h4';

export default defineConfig({
  ...base,
  testDir: '..',
  testMatch: /rope-view-harness[\w-]*\.spec\.ts/,
  // the site's config leaves these out; here they are the only ones
  testIgnore: [],
  // beside the site's run's output (PW_OUTPUT, relative or absolute), never inside it:
  // each run empties its own folder as it starts
  outputDir: resolve(process.env.PW_OUTPUT ? `${process.env.PW_OUTPUT}-h4` : 'test-results-h4'),
  workers: 1,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}/` },
  webServer: {
    command: `DIST_DIR=${DIST} npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/tests/e2e/harness/ropes.html`,
    cwd: process.cwd(),
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
