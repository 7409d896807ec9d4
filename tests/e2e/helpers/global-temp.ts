import { runFolder } from '../../helpers/temp.ts';

// Playwright's global set-up: every test's temporary folder under one, removed when the run
// ends (see tests/helpers/temp.ts). The returned function is the teardown.
export default function setup(): () => void {
  return runFolder();
}
