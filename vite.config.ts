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

export default defineConfig({
  base: './',
  plugins: [bundledScenarios()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
