// How the game names a leadership style, and the two every scenario may use: rules, so
// they live in the model, and every screen, page and slide asks here.

/** The two styles every scenario has unless it names its own (src/scenario: DEFAULT_STYLES). */
export const CORE_STYLES = ['directive', 'collaborative'] as const;

export type StyleFamily = (typeof CORE_STYLES)[number] | 'other';

/** A style as a reader sees it: "Directive". */
export function styleName(style: string): string {
  return style.charAt(0).toUpperCase() + style.slice(1);
}

/** One of the two core styles, or "other" for a style a scenario adds. */
export function styleFamily(style: string): StyleFamily {
  return (CORE_STYLES as readonly string[]).includes(style) ? (style as StyleFamily) : 'other';
}

/**
 * The style the workshop's charts of style against outcome count: collaborative where the
 * scenario has it, else its first style.
 */
export function referenceStyle(styles: readonly string[]): string {
  return styles.includes('collaborative') ? 'collaborative' : (styles[0] ?? 'collaborative');
}
