import type { Rope } from '../sim/index.ts';

// Okabe–Ito colours, safe for the common colour-vision deficiencies. Colour never works
// alone: each side also has its own dash pattern, anchor marker and a text label.

export type Side = Rope['side'];
export type Marker = 'circle' | 'square' | 'peg' | 'diamond';

export interface SideStyle {
  colour: number;
  /** the same hue washed out: what a slack rope fades towards */
  pale: number;
  /** dash and gap lengths in px; empty = solid */
  dash: readonly number[];
  marker: Marker;
  /** a word for the text equivalent and the legend */
  word: string;
}

export const OKABE_ITO = {
  black: 0x000000,
  orange: 0xe69f00,
  skyBlue: 0x56b4e9,
  bluishGreen: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  reddishPurple: 0xcc79a7,
} as const;

export const SIDE_STYLES: Record<Side, SideStyle> = {
  team: { colour: OKABE_ITO.blue, pale: 0x9cc3dd, dash: [], marker: 'circle', word: 'our team' },
  competitor: {
    colour: OKABE_ITO.vermillion,
    pale: 0xefbb99,
    dash: [14, 6],
    marker: 'square',
    word: 'competitor',
  },
  habit: {
    colour: OKABE_ITO.reddishPurple,
    pale: 0xe6c3d6,
    dash: [3, 5],
    marker: 'peg',
    word: 'habits',
  },
  outside: {
    colour: OKABE_ITO.bluishGreen,
    pale: 0x99d8c7,
    dash: [12, 4, 3, 4],
    marker: 'diamond',
    word: 'outside',
  },
};

export const SCENE_COLOURS = {
  background: 0xf7f5ef,
  ink: 0x1d2430,
  track: 0x6b7280,
  node: 0x1d2430,
  powerLine: OKABE_ITO.skyBlue,
  gustFor: OKABE_ITO.blue,
  gustAgainst: OKABE_ITO.vermillion,
  /** the sheath around our ropes: the pull distrust takes away */
  friction: 0x8f897f,
  /** inside the sheath: lighter than the ground, so the empty part of the tube shows */
  frictionFill: 0xfffdf8,
  /** the what-if's ghost: dark, dashed, so it reads beside the real picture */
  ghost: 0x1d2430,
} as const;

/** Mixes two 0xRRGGBB colours; f = 0 gives a, 1 gives b. */
export function mixColour(a: number, b: number, f: number): number {
  const t = Math.min(1, Math.max(0, f));
  const ch = (shift: number) => {
    const ca = (a >> shift) & 0xff;
    const cb = (b >> shift) & 0xff;
    return Math.round(ca + (cb - ca) * t) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

export function cssColour(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}

/** The canvas's own ground, 80% opaque, behind captions and labels that ropes may cross. */
export const LABEL_GROUND = `${cssColour(SCENE_COLOURS.background)}cc`;
