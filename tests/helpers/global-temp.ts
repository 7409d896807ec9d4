import type { TestProject } from 'vitest/node';
import { runFolder } from './temp.ts';

// vitest's global set-up: every test's temporary folder under the one vite.config.ts names
// for this run, removed when the run ends (see temp.ts).
export default function setup(project: TestProject): () => void {
  return runFolder(project.config.env.TOW_TEST_TMP);
}
