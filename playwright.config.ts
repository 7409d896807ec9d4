import { defineConfig } from '@playwright/test';

// Browser tests run in Debian's Chromium against the built site, served on a port of
// our own so that nothing else on the machine can answer in its place.
const PORT = Number(process.env.PW_PORT ?? 4319);

export default defineConfig({
  testDir: 'tests/e2e',
  // the rope view's harness page is not part of the site: its tests have their own
  // config (tests/e2e/harness/playwright.config.ts), run by npm run test:e2e after these
  testIgnore: /rope-view-harness[\w-]*\.spec\.ts/,
  // every test's temporary folder under one, removed when the run ends (a full path, since
  // the rope view harness's config extends this one from another folder)
  globalSetup: new URL('./tests/e2e/helpers/global-temp.ts', import.meta.url).pathname,
  timeout: 90_000,
  // CI runs on a loaded two-core machine, where a test that times a human gesture (the
  // double click of tests/e2e/game-judgement.spec.ts, two presses 120 ms apart) can be
  // stretched past what a person does; one more try tells load from a real failure,
  // and Playwright reports such a test as flaky
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  outputDir: process.env.PW_OUTPUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
