import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A digest of the model: its source, and the version of seedrandom it draws its luck from.
// Censuses are kept under it (the verifier's folder, and the HR page's browser storage,
// which gets it at build time), so that one worked out by an earlier model (a changed rule,
// a tuned parameter, a new census limit) is never read: the game's version number does
// not change with every edit.

export const MODEL_SOURCE = fileURLToPath(new URL('../sim/', import.meta.url));
const require = createRequire(import.meta.url);

export function modelDigest(modelSource: string = MODEL_SOURCE): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(modelSource);
  hash.update(`seedrandom ${(require('seedrandom/package.json') as { version: string }).version}`);
  return hash.digest('hex').slice(0, 16);
}
