import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig, type Plugin } from 'vitest/config';
import { modelDigest } from './src/cli/model-digest.ts';
import { publicUrlProblem } from './src/links/public-url.ts';
import { lmsFormat, lmsSettingsProblem } from './src/lms/config.ts';
import { loadBundledScenarios, loadEarlierEditions } from './src/scenario/bundled.ts';

// The bundled scenarios are checked at build time and shipped as plain data, so the
// game's first screen needs neither the YAML parser nor the schema library.
// The earlier editions the game keeps (src/record/edition.ts) are a module of their own,
// which only HR's page loads, when it checks results.
function bundledScenarios(): Plugin {
  const id = 'virtual:scenarios';
  const editions = 'virtual:scenario-editions';
  return {
    name: 'tug-of-war-scenarios',
    resolveId: (source) => (source === id || source === editions ? `\0${source}` : undefined),
    load(source) {
      if (source === `\0${editions}`) {
        const list = loadEarlierEditions().map(({ scenario, hash }) => ({ scenario, hash }));
        return `export default ${JSON.stringify(list)};`;
      }
      if (source !== `\0${id}`) return undefined;
      const list = loadBundledScenarios().map(({ scenario, hash }) => ({ scenario, hash }));
      for (const file of list) this.addWatchFile?.(`scenarios/${file.scenario.id}.yaml`);
      return `export default ${JSON.stringify(list)};`;
    },
  };
}

// TOW_PUBLIC_URL: the address the site is served at, for the links HR and facilitators make
const publicUrl = process.env.TOW_PUBLIC_URL ?? '';
const publicProblem = publicUrl ? publicUrlProblem(publicUrl) : null;
if (publicProblem) throw new Error(`TOW_PUBLIC_URL ${publicProblem}`);

// an LMS package's settings (src/lms/config.ts), refused here rather than baked in wrong
const lmsProblem = lmsSettingsProblem(process.env);
if (lmsProblem) throw new Error(lmsProblem);

// DIST_DIR lets several people (or helpers) build and test side by side on one machine.
const outDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  base: './',
  // the model's digest files the censuses HR's page keeps in the browser (kept-markets.ts)
  define: {
    __MODEL_DIGEST__: JSON.stringify(modelDigest()),
    __TOW_PUBLIC_URL__: JSON.stringify(publicUrl),
  },
  plugins: [
    bundledScenarios(),
    // offline after the first visit: a generated service worker precaches every built file
    // (Phaser's chunk included); src/app/pwa.ts registers it, as the CSP forbids inline script
    VitePWA({
      // not in the SCORM package (npm run build:scorm says why)
      disable: lmsFormat(process.env) !== null,
      strategies: 'generateSW',
      injectRegister: false,
      registerType: 'autoUpdate',
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Tug of War — a sales management game',
        short_name: 'Tug of War',
        description: 'A browser game that coaches sales managers.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f4ef',
        theme_color: '#1d2b3a',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        // links carry their settings in the query (?w=…, ?scenario=…): match the page without it
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: null,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    outDir,
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      // the game, the facilitator's pages and HR's pages are separate entries of one site
      input: { game: 'index.html', workshop: 'workshop.html', hr: 'hr.html' },
      output: {
        manualChunks: (id) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
  preview: { port: Number(process.env.PW_PORT ?? 4319) },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // the tests' temporary folders go under this one, removed at the end (tests/helpers/temp.ts)
    env: { TOW_TEST_TMP: join(tmpdir(), `tow-test-run-${process.pid}`) },
    globalSetup: ['tests/helpers/global-temp.ts'],
    testTimeout: 60_000,
  },
});
