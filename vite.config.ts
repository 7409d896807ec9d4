import { defineConfig, type Plugin } from 'vitest/config';
import { loadBundledScenarios } from './src/scenario/bundled.ts';

// The bundled scenarios are checked at build time and shipped as plain data, so the
// game's first screen needs neither the YAML parser nor the schema library.
function bundledScenarios(): Plugin {
  const id = 'virtual:scenarios';
  return {
    name: 'tug-of-war-scenarios',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(source) {
      if (source !== `\0${id}`) return undefined;
      const list = loadBundledScenarios().map(({ scenario, hash }) => ({ scenario, hash }));
      for (const file of list) this.addWatchFile?.(`scenarios/${file.scenario.id}.yaml`);
      return `export default ${JSON.stringify(list)};`;
    },
  };
}

// DIST_DIR lets several people (or helpers) build and test side by side on one machine.
const outDir = process.env.DIST_DIR ?? 'dist';

export default defineConfig({
  base: './',
  plugins: [bundledScenarios()],
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
    testTimeout: 60_000,
  },
});
