// Written by scripts/make-assets.mjs: the portraits in assets/portraits, which a team member
// or a sender names by id. Change the script, not this file.

export const PORTRAIT_IDS = [
  'short-glasses',
  'long-straight',
  'bun',
  'grey-beard',
  'afro',
  'hijab',
  'long-curly',
  'bald-moustache',
  'fringe',
  'dreadlocks',
  'grey-bun-glasses',
  'quiff',
  'twists',
  'goatee',
  'turban-beard',
  'bob-glasses',
  'cornrows',
  'grey-medium',
  'flat-top',
  'long-fringe',
  'shaved',
  'two-buns',
  'short-neat',
  'bantu-knots',
] as const;

export type PortraitId = (typeof PORTRAIT_IDS)[number];
