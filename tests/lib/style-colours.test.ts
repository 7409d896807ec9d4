import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STYLE_COLOURS, styleColour } from '../../src/lib/style-colours.ts';
import { contrast } from './contrast.ts';

// The game's stylesheet cannot import a module, so this test is what keeps its three style
// colours the same as the ones the workshop's charts draw with.

describe('style colours', () => {
  it("are the game's own: the stylesheet's --directive, --collaborative and --other", () => {
    const css = readFileSync('src/ui/styles.css', 'utf8');
    const variable = (name: string) =>
      new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase();
    expect(variable('directive')).toBe(STYLE_COLOURS.directive);
    expect(variable('collaborative')).toBe(STYLE_COLOURS.collaborative);
    expect(variable('other')).toBe(STYLE_COLOURS.other);
  });

  it('give hands-off (and any added style) the third colour', () => {
    expect(styleColour('directive')).toBe('#d55e00');
    expect(styleColour('collaborative')).toBe('#009e73');
    expect(styleColour('hands-off')).toBe('#cc79a7');
    expect(styleColour('visionary')).toBe('#cc79a7');
  });

  it('reach 3:1 against white and against the projector card', () => {
    for (const c of Object.values(STYLE_COLOURS)) {
      expect(contrast(c, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(c, '#15223a')).toBeGreaterThanOrEqual(3);
    }
  });
});
