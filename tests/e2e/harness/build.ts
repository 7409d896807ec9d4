import { build, type InlineConfig } from 'vite';
import config from '../../../vite.config.ts';

// Builds the rope view's harness page (and, for the benchmark, the whole site beside it)
// into a folder of our own, so tests and the benchmark run built code, as players get it,
// without the dev server (which restarts whenever someone else edits a file it watches).

export const HARNESS_PAGE = 'tests/e2e/harness/ropes.html';

export async function buildWithHarness(outDir: string, withSite: boolean): Promise<void> {
  const base = config as InlineConfig;
  const rollup = base.build?.rollupOptions ?? {};
  const site =
    withSite && typeof rollup.input === 'object' && !Array.isArray(rollup.input)
      ? rollup.input
      : {};
  await build({
    ...base,
    configFile: false,
    logLevel: 'warn',
    build: {
      ...base.build,
      outDir,
      emptyOutDir: true,
      rollupOptions: { ...rollup, input: { ...site, harness: HARNESS_PAGE } },
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWithHarness(process.env.DIST_DIR ?? 'dist-h4', process.argv.includes('--site'));
}
