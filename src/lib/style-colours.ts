// One colour per style, wherever a style is drawn: the game's choices and debrief bars
// (src/ui/styles.css keeps the same three as --directive, --collaborative and --other, and
// tests/lib/style-colours.test.ts holds the two together), the class dashboard's splits and
// the balance report's fixed styles. Okabe–Ito hues, safe for the common colour-vision
// deficiencies, each at least 3:1 against white and against the projector's dark cards.

export const STYLE_COLOURS = {
  directive: '#d55e00', // vermillion
  collaborative: '#009e73', // bluish green
  other: '#cc79a7', // reddish purple: hands-off, and any style a scenario adds
} as const;

/** The colour a style is drawn in: its own for the two core styles, else the shared third. */
export function styleColour(style: string): string {
  return style === 'directive' || style === 'collaborative'
    ? STYLE_COLOURS[style]
    : STYLE_COLOURS.other;
}
