import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain Node script, without type declarations
import { biomeWithLayers, DOC, FOLDERS, LAYERS, srcFolders } from '../../scripts/layers.mjs';

// The layer rules must keep working: each case below puts a small file in a folder of
// src/, importing what that folder may not (or may) import, and runs Biome on it the way
// `npm run lint` does. A rule that stopped matching (a renamed folder, a Biome upgrade
// reading patterns otherwise, an override that hides another) fails here.

const root = resolve(import.meta.dirname, '../..');
const probes: string[] = [];

function probe(folder: string, line: string): string {
  const path = join(root, 'src', folder, `__layer-probe-${probes.length}.ts`);
  writeFileSync(path, `${line}\nexport const probe = 1;\n`);
  probes.push(path);
  return path;
}

afterAll(() => {
  for (const p of probes) rmSync(p, { force: true });
});

/** Biome's lint output for these files (it exits non-zero when it finds errors). */
function lint(files: string[]): string {
  try {
    return execFileSync('npx', ['biome', 'lint', '--max-diagnostics=200', ...files], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

/** The diagnostics of one file in Biome's text output. */
function diagnosticsOf(output: string, file: string): string {
  const name = file.slice(root.length + 1);
  return output
    .split(/\n(?=\S+\.ts:\d+:\d+ )/)
    .filter((block) => block.startsWith(name))
    .join('\n');
}

describe('the layer map', () => {
  it('names every folder of src/, and only those', () => {
    expect([...FOLDERS].sort()).toEqual(srcFolders());
  });

  it('is what biome.json enforces (node scripts/layers.mjs --write after a change)', () => {
    const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
    expect(biomeWithLayers(config)).toEqual(config);
  });

  it('points at a section of the docs that exists', () => {
    const [file, anchor] = DOC.split('#');
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).toMatch(new RegExp(`^## ${anchor}$`, 'im'));
    // and the docs' table lists every folder
    for (const folder of FOLDERS) expect(text).toContain(`| \`src/${folder}/\``);
  });

  const broken = [
    ['scenes', "import { createGameStore } from '../store/game-store.ts';", 'store'],
    ['scenes', "import { h } from '../ui/dom.ts';", 'ui'],
    ['store', "import { h } from '../ui/dom.ts';", 'ui'],
    ['store', "import type { RopeViewState } from '../scenes/contract.ts';", 'scenes'],
    ['ui', "import { RopeScene } from '../scenes/rope-scene.ts';", "scenes' insides"],
    ['ui', "import { readFileSync } from 'node:fs';", 'node:*'],
    ['sim', "import { h } from '../ui/dom.ts';", 'ui'],
    ['workers', "import { parseArgs } from '../cli/args.ts';", 'cli'],
    ['hr', "import { startApp } from '../app/start.ts';", 'app'],
    ['lms', "import { createGameStore } from '../store/game-store.ts';", 'store'],
    ['ui', "import Fastify from 'fastify';", 'the server’s libraries'],
    ['server', "import { h } from '../ui/dom.ts';", 'ui'],
    // src/main.ts's neighbours: the game's entry
    ['', "import { readFileSync } from 'node:fs';", 'node:*'],
  ] as const;
  const allowed = [
    ['ui', "import type { RopeViewState } from '../scenes/contract.ts';"],
    ['hr', "import { h } from '../ui/dom.ts';"],
    ['app', "import { startRopeView } from '../scenes/index.ts';"],
    ['cli', "import { readFileSync } from 'node:fs';"],
  ] as const;

  it('refuses each import a folder may not make, naming the docs’ layer table', () => {
    const bad = broken.map(([folder, line]) => probe(folder, line));
    const good = allowed.map(([folder, line]) => probe(folder, line));
    const output = lint([...bad, ...good]);
    bad.forEach((file, i) => {
      const [folder, line, what] = broken[i]!;
      const found = diagnosticsOf(output, file);
      expect(found, `src/${folder} importing ${what}: ${line}`).toContain(
        'lint/style/noRestrictedImports',
      );
      expect(found).toContain(DOC);
      // a folder's rule says what it may import; a library's says why it is not for pages
      if (folder && (line.includes("'.") || line.includes("'node:")))
        expect(found).toContain(`src/${folder} may import`);
    });
    good.forEach((file, i) => {
      const [folder, line] = allowed[i]!;
      expect(diagnosticsOf(output, file), `src/${folder} may: ${line}`).not.toContain(
        'noRestrictedImports',
      );
    });
  }, 60_000);

  it('lets each folder import what the table allows', () => {
    for (const [folder, layer] of Object.entries(LAYERS) as [string, { may: string[] }][]) {
      expect(layer.may, folder).not.toContain(folder);
      for (const other of layer.may) expect(FOLDERS, `${folder} → ${other}`).toContain(other);
      // nothing imports the Node commands
      expect(layer.may, folder).not.toContain('cli');
    }
  });
});
