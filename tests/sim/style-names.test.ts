import { describe, expect, it } from 'vitest';
import { referenceStyle, styleFamily, styleName } from '../../src/sim/index.ts';

describe('style names, the model’s rule for every screen', () => {
  it('names a style as a reader sees it', () => {
    expect(styleName('directive')).toBe('Directive');
    expect(styleName('hands-off')).toBe('Hands-off');
  });

  it('tells the two core styles from the ones a scenario adds', () => {
    expect(styleFamily('directive')).toBe('directive');
    expect(styleFamily('collaborative')).toBe('collaborative');
    expect(styleFamily('hands-off')).toBe('other');
  });

  it('counts collaborative in the workshop charts where the scenario has it, else its first style', () => {
    expect(referenceStyle(['directive', 'collaborative'])).toBe('collaborative');
    expect(referenceStyle(['coaching', 'telling'])).toBe('coaching');
    expect(referenceStyle([])).toBe('collaborative');
  });
});
