import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

// Builds a SCORM package with the real command and unzips it, for the zip checks and the
// browser test (which serves it from a subfolder, as an LMS does).

export const ROOT = new URL('../../', import.meta.url).pathname;

export function buildPackage(
  scenario: string,
  pass: number,
): { zip: string; files: Record<string, Uint8Array> } {
  const out = mkdtempSync(join(tmpdir(), 'tow-scorm-'));
  execFileSync(
    'npx',
    ['tsx', 'src/cli/build-scorm.ts', '--scenario', scenario, '--pass', String(pass), '--out', out],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const zip = join(out, readdirSync(out).find((f) => f.endsWith('.zip'))!);
  return { zip, files: unzipSync(readFileSync(zip)) };
}

export function unpack(files: Record<string, Uint8Array>, into: string): void {
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(into, name)), { recursive: true });
    writeFileSync(join(into, name), bytes);
  }
}
