// Lists which src/ folders import which (folder → folders), from the import statements of
// every .ts file: the map the linter's layer rules in biome.json are checked against
// (docs/development.md#layers). Run: node scripts/import-map.mjs
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** src/app/room/x.ts → app/room for the folders the map splits, else the top folder. */
const SPLIT = new Set(['app', 'workshop']);
function folderOf(path) {
  const parts = relative(src, path).split('/');
  if (parts.length === 1) return '(src)';
  if (SPLIT.has(parts[0]) && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0];
}

const map = new Map();
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
for (const file of files(src)) {
  const from = folderOf(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    let to;
    if (spec.startsWith('.')) to = folderOf(resolve(dirname(file), spec));
    else if (spec.startsWith('node:')) to = 'node:*';
    else continue;
    if (to === from) continue;
    if (!map.has(from)) map.set(from, new Set());
    map.get(from).add(to);
  }
}
for (const from of [...map.keys()].sort()) {
  console.log(`${from.padEnd(16)} → ${[...map.get(from)].sort().join(', ')}`);
}
