// The layer map: for each folder of src/, the folders it may import. This table is the
// one source of the import rules in biome.json (its "overrides" between the two markers
// below are written from it) and of the table in docs/development.md#layers.
//
//   node scripts/layers.mjs          says whether biome.json follows the table
//   node scripts/layers.mjs --write  writes the rules into biome.json
//   node scripts/import-map.mjs      lists which folders import which today
//
// Each rule denies every src/ folder the table does not allow, so a folder added to src/
// must be put in the table (tests/lint/layers.test.ts checks that every folder is there).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DOC = 'docs/development.md#layers';

/** Folders that run in Node only: every other one is browser code. */
export const NODE_ONLY = ['cli', 'server'];

/**
 * What each folder may import, besides itself. `files` allows single files of an otherwise
 * closed folder: the DOM helpers, the shared stylesheet and the help and glossary windows
 * every page offers (ui/dom.ts, ui/styles.css, ui/help.ts, ui/glossary.ts), the in-page
 * question before a removal (ui/confirm-dialog.ts), and the rope
 * view's interface and pure parts (scenes/contract.ts, describe.ts, palette.ts).
 */
export const LAYERS = {
  sim: { may: [], why: 'the pure model: it imports only itself (and seedrandom)' },
  lib: { may: [], why: 'small helpers anyone may use: they import nothing of ours' },
  room: {
    may: ['sim', 'lib'],
    why: 'the live room protocol both ends share (and the cohort CSV both write)',
  },
  scenario: { may: ['sim'], why: 'reads scenario files into the model' },
  links: { may: ['sim', 'record'], why: 'workshop and assignment links' },
  record: { may: ['sim', 'scenario', 'links'], why: 'session records and result codes' },
  save: { may: ['sim', 'scenario', 'record', 'links'], why: 'versioned saves' },
  analysis: { may: ['sim', 'lib'], why: 'balance reports over many seeds' },
  workers: { may: ['sim', 'analysis', 'lib'], why: 'the census service and its worker' },
  scenes: { may: ['sim'], why: 'the Phaser rope view: it draws what it is given' },
  store: {
    may: ['sim', 'scenario', 'record', 'save', 'links', 'room', 'workers', 'lib'],
    why: 'the one store: it never draws',
  },
  ui: {
    may: ['sim', 'scenario', 'record', 'save', 'links', 'room', 'store', 'workers', 'lib'],
    // the rope view's interface, and its two pure parts the text equivalent and the legend
    // share with it (neither loads Phaser)
    files: ['scenes/contract.ts', 'scenes/describe.ts', 'scenes/palette.ts'],
    why: 'the screens draw the store',
  },
  lms: {
    may: ['sim', 'scenario', 'record', 'links', 'hr', 'workers', 'lib'],
    why: 'the SCORM adapter talks to the game through the store’s state, not its code',
  },
  hr: {
    may: ['sim', 'scenario', 'record', 'links', 'room', 'workers', 'lib'],
    // the in-page question asked before a platform or a deployment is removed
    files: ['ui/dom.ts', 'ui/confirm-dialog.ts'],
    why: 'HR’s pages, and their calls to the server’s assessments',
  },
  workshop: {
    may: ['sim', 'scenario', 'record', 'links', 'room', 'analysis', 'workers', 'hr', 'lib'],
    // the in-page question asked before the editor's text or a workshop's results go
    files: ['ui/dom.ts', 'ui/confirm-dialog.ts'],
    why: 'the facilitator’s pages',
  },
  pages: {
    may: ['sim', 'scenario', 'record', 'links', 'room', 'workers', 'hr', 'workshop', 'lib'],
    files: ['ui/dom.ts', 'ui/styles.css', 'ui/glossary.ts', 'ui/help.ts'],
    why: 'the HR and workshop pages’ entry points',
  },
  app: {
    may: [
      'sim',
      'scenario',
      'record',
      'save',
      'links',
      'room',
      'store',
      'ui',
      'scenes',
      'workers',
      'lms',
      'lib',
    ],
    why: 'the game’s start-up and its effects: it wires the rest together',
  },
  server: {
    may: ['sim', 'scenario', 'record', 'room', 'lib'],
    why: 'the room server (Node): never the pages’ code',
  },
  cli: {
    may: ['sim', 'scenario', 'record', 'links', 'analysis', 'workers', 'hr', 'lms', 'lib'],
    why: 'the Node commands: nothing imports them',
  },
};

/** Libraries only the server may use: browser code would break or grow by megabytes. */
const SERVER_LIBS = {
  fastify: "the server's libraries run only in Node (src/server)",
  '@fastify/cookie': "the server's libraries run only in Node (src/server)",
  '@fastify/helmet': "the server's libraries run only in Node (src/server)",
  '@fastify/rate-limit': "the server's libraries run only in Node (src/server)",
  '@fastify/static': "the server's libraries run only in Node (src/server)",
  '@fastify/websocket': "the server's libraries run only in Node (src/server)",
  jose: "the LTI tool's JWTs are signed and checked only in src/server",
  '@electric-sql/pglite': 'only src/server talks to the database',
  pg: 'only src/server talks to the database',
  ws: "pages use the browser's WebSocket; ws is the server's",
};

/** Libraries each folder must not import, over and above SERVER_LIBS for browser code. */
const LIBS = {
  sim: {
    phaser: 'src/sim is the pure model: no Phaser',
    zustand: 'src/sim is the pure model: no store',
    'zustand/vanilla': 'src/sim is the pure model: no store',
    yaml: "src/sim does not parse files: that is src/scenario's job",
    zod: "src/sim does not validate files: that is src/scenario's job",
  },
  room: {
    phaser: 'src/room is the protocol both ends share: no Phaser',
    zustand: 'src/room is the protocol both ends share: no store',
    'zustand/vanilla': 'src/room is the protocol both ends share: no store',
    yaml: 'src/room is loaded by the pages: no YAML parser',
  },
  scenes: {
    zustand: 'src/scenes draws what it is given: no store',
    'zustand/vanilla': 'src/scenes draws what it is given: no store',
  },
  store: { phaser: 'the store never draws: no Phaser' },
  server: {
    phaser: 'src/server never imports Phaser',
    zustand: "src/server never imports the game's store",
    'zustand/vanilla': "src/server never imports the game's store",
  },
};

export const FOLDERS = Object.keys(LAYERS);

/** The biome override for one folder: every folder it may not import, denied. */
function overrideFor(folder) {
  const layer = LAYERS[folder];
  const browser = !NODE_ONLY.includes(folder);
  const denied = FOLDERS.filter((f) => f !== folder && !layer.may.includes(f));
  const allowedList = layer.may.length ? layer.may.join(', ') : 'nothing else of ours';
  const files = layer.files ?? [];
  const message = `src/${folder} may import ${allowedList}${files.length ? ` and ${files.join(', ')}` : ''} (${layer.why}): see ${DOC}`;
  const group = denied.map((f) => `**/${f}/**`);
  for (const file of files) group.push(`!**/${file}`);
  if (browser) group.push('node:*');
  const patterns = [{ group, message }];
  const paths = {};
  for (const [lib, why] of Object.entries(browser ? SERVER_LIBS : {})) {
    paths[lib] = `${why}: see ${DOC}`;
  }
  for (const [lib, why] of Object.entries(LIBS[folder] ?? {})) paths[lib] = `${why}: see ${DOC}`;
  // scenario/bundled.ts reads the scenario folder from disk: Node only
  const includes =
    folder === 'scenario' ? ['src/scenario/**', '!src/scenario/bundled.ts'] : [`src/${folder}/**`];
  return {
    includes,
    linter: {
      rules: {
        style: {
          noRestrictedImports: { level: 'error', options: { paths, patterns } },
        },
      },
    },
  };
}

/** src/main.ts and the other files at the top of src/: the game's entry, browser code. */
function topFilesOverride() {
  const paths = {};
  for (const [lib, why] of Object.entries(SERVER_LIBS)) paths[lib] = `${why}: see ${DOC}`;
  const group = ['**/server/**', '**/cli/**', 'node:*'];
  const message = `src/main.ts is the game's entry: browser code, never src/server, src/cli or node:* (see ${DOC})`;
  return {
    includes: ['src/*.ts'],
    linter: {
      rules: {
        style: {
          noRestrictedImports: {
            level: 'error',
            options: { paths, patterns: [{ group, message }] },
          },
        },
      },
    },
  };
}

/** The overrides of the layer rules, in the table's order, then the top files'. */
export function layerOverrides() {
  return [...FOLDERS.map(overrideFor), topFilesOverride()];
}

const root = resolve(import.meta.dirname, '..');
const biomePath = join(root, 'biome.json');

/** Whether an override is one of ours: it configures noRestrictedImports for one folder. */
const isLayerRule = (o) =>
  o.linter?.rules?.style?.noRestrictedImports !== undefined &&
  o.includes?.[0]?.startsWith('src/') &&
  (o.includes[0].endsWith('/**') || o.includes[0] === 'src/*.ts');

/** biome.json with its layer rules written from the table (the other overrides kept). */
export function biomeWithLayers(config) {
  const others = (config.overrides ?? []).filter((o) => !isLayerRule(o));
  return { ...config, overrides: [...layerOverrides(), ...others] };
}

/** The folders of src/ on disk. */
export function srcFolders() {
  return readdirSync(join(root, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const config = JSON.parse(readFileSync(biomePath, 'utf8'));
  const wanted = biomeWithLayers(config);
  const text = `${JSON.stringify(wanted, null, 2)}\n`;
  if (process.argv.includes('--write')) {
    writeFileSync(biomePath, text);
    console.log('biome.json: layer rules written from scripts/layers.mjs');
  } else if (JSON.stringify(config) !== JSON.stringify(wanted)) {
    console.error(
      'biome.json does not follow scripts/layers.mjs: run node scripts/layers.mjs --write',
    );
    process.exit(1);
  } else {
    console.log('biome.json follows the layer table');
  }
}
