// Makes the game's pictures in assets/ once; the results are committed, so neither the build
// nor the game needs these libraries. Run it again (node scripts/make-assets.mjs) only to
// add or change a portrait or an icon, then check the pictures and commit them.
//
// - assets/portraits/*.svg: people drawn from Open Peeps (Pablo Stanley, CC0 1.0) through
//   DiceBear's open-peeps style. Each look is chosen here, not left to a random seed, so the
//   set has a range of ages, skin tones and hair, and every face is a calm or friendly one.
// - assets/portraits/README.md: the gallery scenario authors pick a portrait from.
// - src/scenario/portrait-ids.ts: the ids the scenario format accepts.
// - assets/icons/*.svg: how a situation reaches the manager (Lucide, ISC; some from Feather, MIT).

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAvatar } from '@dicebear/core';
import * as openPeeps from '@dicebear/open-peeps';

const root = new URL('..', import.meta.url).pathname;
const INK = '#1d2b3a';
const BACKGROUND = 'e8eef5';

/**
 * id: what the author writes; look: a few words for the gallery; then the drawing's parts
 * (names from the open-peeps style: head is the hair, headContrastColor its colour).
 */
const PORTRAITS = [
  [
    'short-glasses',
    'short dark hair, glasses',
    {
      head: 'short2',
      face: 'smile',
      skinColor: 'edb98a',
      accessories: 'glasses',
      headContrastColor: '2c1b18',
      clothingColor: '8fa7df',
    },
  ],
  [
    'long-straight',
    'long straight hair',
    {
      head: 'long',
      face: 'calm',
      skinColor: 'ffdbb4',
      headContrastColor: 'a55728',
      clothingColor: '9ddadb',
    },
  ],
  [
    'bun',
    'hair in a bun',
    {
      head: 'bun',
      face: 'smile',
      skinColor: 'd08b5b',
      headContrastColor: '2c1b18',
      clothingColor: 'e78276',
    },
  ],
  [
    'grey-beard',
    'short grey hair, full beard',
    {
      head: 'grayShort',
      face: 'serious',
      skinColor: 'ffdbb4',
      facialHair: 'full',
      headContrastColor: 'e8e1e1',
      clothingColor: '8fa7df',
    },
  ],
  [
    'afro',
    'afro',
    {
      head: 'afro',
      face: 'smile',
      skinColor: '694d3d',
      headContrastColor: '2c1b18',
      clothingColor: 'ffcf77',
    },
  ],
  [
    'hijab',
    'hijab',
    {
      head: 'hijab',
      face: 'smile',
      skinColor: 'd08b5b',
      headContrastColor: '724133',
      clothingColor: '78e185',
    },
  ],
  [
    'long-curly',
    'long curly hair',
    {
      head: 'longCurly',
      face: 'calm',
      skinColor: 'ae5d29',
      headContrastColor: '2c1b18',
      clothingColor: 'e279c7',
    },
  ],
  [
    'bald-moustache',
    'bald, moustache',
    {
      head: 'noHair2',
      face: 'smile',
      skinColor: 'edb98a',
      facialHair: 'moustache1',
      headContrastColor: '4a312c',
      clothingColor: '9ddadb',
    },
  ],
  [
    'fringe',
    'medium hair with a fringe',
    {
      head: 'mediumBangs',
      face: 'cute',
      skinColor: 'ffdbb4',
      headContrastColor: 'd6b370',
      clothingColor: 'fdea6b',
    },
  ],
  [
    'dreadlocks',
    'dreadlocks',
    {
      head: 'dreads1',
      face: 'smile',
      skinColor: '694d3d',
      headContrastColor: '2c1b18',
      clothingColor: '8fa7df',
    },
  ],
  [
    'grey-bun-glasses',
    'grey hair in a bun, glasses',
    {
      head: 'grayBun',
      face: 'calm',
      skinColor: 'ffdbb4',
      accessories: 'glasses2',
      headContrastColor: 'e8e1e1',
      clothingColor: 'e78276',
    },
  ],
  [
    'quiff',
    'a quiff',
    {
      head: 'pomp',
      face: 'calm',
      skinColor: 'edb98a',
      headContrastColor: 'b58143',
      clothingColor: '78e185',
    },
  ],
  [
    'twists',
    'twists',
    {
      head: 'twists',
      face: 'smile',
      skinColor: 'ae5d29',
      headContrastColor: '2c1b18',
      clothingColor: '9ddadb',
    },
  ],
  [
    'goatee',
    'short hair, goatee',
    {
      head: 'short4',
      face: 'explaining',
      skinColor: 'd08b5b',
      facialHair: 'goatee1',
      headContrastColor: '2c1b18',
      clothingColor: 'ffcf77',
    },
  ],
  [
    'turban-beard',
    'turban, full beard',
    {
      head: 'turban',
      face: 'calm',
      skinColor: 'ae5d29',
      facialHair: 'full2',
      headContrastColor: '2c1b18',
      clothingColor: '8fa7df',
    },
  ],
  [
    'bob-glasses',
    'straight bob, glasses',
    {
      head: 'mediumStraight',
      face: 'smile',
      skinColor: 'edb98a',
      accessories: 'glasses3',
      headContrastColor: '724133',
      clothingColor: 'e279c7',
    },
  ],
  [
    'cornrows',
    'cornrows',
    {
      head: 'cornrows',
      face: 'serious',
      skinColor: '694d3d',
      headContrastColor: '2c1b18',
      clothingColor: '78e185',
    },
  ],
  [
    'grey-medium',
    'grey hair, medium length',
    {
      head: 'grayMedium',
      face: 'smile',
      skinColor: 'edb98a',
      headContrastColor: 'e8e1e1',
      clothingColor: 'fdea6b',
    },
  ],
  [
    'flat-top',
    'flat top',
    {
      head: 'flatTop',
      face: 'smile',
      skinColor: 'ae5d29',
      headContrastColor: '2c1b18',
      clothingColor: 'e78276',
    },
  ],
  [
    'long-fringe',
    'long hair with a fringe',
    {
      head: 'longBangs',
      face: 'calm',
      skinColor: 'ffdbb4',
      headContrastColor: 'c93305',
      clothingColor: '8fa7df',
    },
  ],
  [
    'shaved',
    'shaved head',
    {
      head: 'shaved2',
      face: 'calm',
      skinColor: 'd08b5b',
      headContrastColor: '2c1b18',
      clothingColor: '9ddadb',
    },
  ],
  [
    'two-buns',
    'two buns',
    {
      head: 'buns',
      face: 'cheeky',
      skinColor: 'edb98a',
      headContrastColor: '4a312c',
      clothingColor: 'ffcf77',
    },
  ],
  [
    'short-neat',
    'short neat hair',
    {
      head: 'short1',
      face: 'calm',
      skinColor: 'ffdbb4',
      headContrastColor: '4a312c',
      clothingColor: '78e185',
    },
  ],
  [
    'bantu-knots',
    'bantu knots',
    {
      head: 'bantuKnots',
      face: 'smile',
      skinColor: '694d3d',
      headContrastColor: '2c1b18',
      clothingColor: 'e279c7',
    },
  ],
];

/** Channel id (as the scenario format names it) → Lucide icon and the picture's title. */
const ICONS = {
  email: ['mail', 'E-mail'],
  call: ['phone', 'Phone call'],
  message: ['message-square', 'Message'],
  meeting: ['users', 'Meeting'],
  report: ['file-text', 'Report'],
};

function portraitSvg(parts) {
  const options = {
    seed: 'tug-of-war',
    backgroundColor: [BACKGROUND],
    accessoriesProbability: 0,
    facialHairProbability: 0,
    maskProbability: 0,
  };
  for (const [key, value] of Object.entries(parts)) options[key] = [value];
  if (parts.accessories) options.accessoriesProbability = 100;
  if (parts.facialHair) options.facialHairProbability = 100;
  return createAvatar(openPeeps, options).toString();
}

/** A title inside the picture, for whoever opens the file on its own (the game sets alt text). */
function titled(svg, title) {
  return svg.replace(/<svg[^>]*>/, (open) => `${open}<title>${title}</title>`);
}

function clearSvgs(dir) {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.endsWith('.svg')) rmSync(join(dir, f));
}

const portraits = join(root, 'assets/portraits');
clearSvgs(portraits);
for (const [id, look, parts] of PORTRAITS) {
  writeFileSync(
    join(portraits, `${id}.svg`),
    `${titled(portraitSvg(parts), `Portrait: ${look}`)}\n`,
  );
}

const gallery = [
  '# Portraits',
  '',
  "Pick one for each team member (`portrait:` in the scenario file). Made by `scripts/make-assets.mjs` from Open Peeps by Pablo Stanley (CC0 1.0), through DiceBear's open-peeps style; see [../CREDITS.md](../CREDITS.md).",
  '',
  '| id | looks | picture |',
  '|---|---|---|',
  ...PORTRAITS.map(
    ([id, look]) => `| \`${id}\` | ${look} | <img src="${id}.svg" width="64" alt="${look}"> |`,
  ),
  '',
];
writeFileSync(join(portraits, 'README.md'), gallery.join('\n'));

writeFileSync(
  join(root, 'src/scenario/portrait-ids.ts'),
  [
    '// Written by scripts/make-assets.mjs: the portraits in assets/portraits, which a team member',
    '// or a sender names by id. Change the script, not this file.',
    '',
    'export const PORTRAIT_IDS = [',
    ...PORTRAITS.map(([id]) => `  '${id}',`),
    '] as const;',
    '',
    'export type PortraitId = (typeof PORTRAIT_IDS)[number];',
    '',
  ].join('\n'),
);

const icons = join(root, 'assets/icons');
clearSvgs(icons);
for (const [channel, [icon, title]] of Object.entries(ICONS)) {
  const svg = readFileSync(join(root, 'node_modules/lucide-static/icons', `${icon}.svg`), 'utf8');
  // an <img> does not inherit the page's colour: draw in the game's ink
  writeFileSync(join(icons, `${channel}.svg`), titled(svg.replaceAll('currentColor', INK), title));
}
console.log(`${PORTRAITS.length} portraits, ${Object.keys(ICONS).length} icons written`);
