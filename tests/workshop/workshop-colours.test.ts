import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contrast } from '../lib/contrast.ts';

// The facilitator pages' stylesheet: a colour a rule can pick up must be readable. Chart
// colours live in one place each (src/lib/style-colours.ts for styles, src/workshop/svg.ts
// for trainees' lines), so the stylesheet keeps no palette of its own to pick a pale
// one from; axe checks the pages as drawn (tests/e2e/workshop-a11y.spec.ts).

const css = readFileSync('src/workshop/workshop.css', 'utf8');
const root = /:root\s*\{([^}]*)\}/.exec(css)![1]!;
const defined = new Map(
  [...root.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]),
);
const colour = (name: string) => defined.get(name)!;

describe("the workshop's stylesheet", () => {
  it('keeps no chart palette of its own, and uses only colours it defines', () => {
    expect([...defined.keys()].filter((n) => /^--c\d+$/.test(n))).toEqual([]);
    const used = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]!));
    expect([...used].filter((n) => !defined.has(n))).toEqual([]);
  });

  it("gives every text colour 4.5:1 on the cards, the page and its own notice's background", () => {
    for (const ink of ['--ink', '--ink-2', '--muted', '--accent', '--ok', '--bad', '--warn']) {
      for (const ground of ['--card', '--bg'])
        expect(contrast(colour(ink), colour(ground)), `${ink} on ${ground}`).toBeGreaterThanOrEqual(
          4.5,
        );
    }
    for (const tone of ['ok', 'bad', 'warn'])
      expect(contrast(colour(`--${tone}`), colour(`--${tone}-bg`))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colour('--accent-ink'), colour('--accent'))).toBeGreaterThanOrEqual(4.5);
  });

  it('gives a rule that sets both its text colour and its background 4.5:1 between them', () => {
    const hex = (body: string, prop: string) =>
      new RegExp(`(?:^|[;\\s])${prop}:\\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\\s*;`, 'i').exec(body)?.[1];
    const long = (c: string) =>
      c.length === 4 ? `#${[...c.slice(1)].map((d) => d + d).join('')}` : c;
    const pairs = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].flatMap((m) => {
      const ink = hex(m[2]!, 'color');
      const ground = hex(m[2]!, 'background(?:-color)?');
      return ink && ground ? [{ rule: m[1]!.trim(), ink: long(ink), ground: long(ground) }] : [];
    });
    expect(pairs.length).toBeGreaterThan(5);
    for (const p of pairs)
      expect(
        contrast(p.ink, p.ground),
        `${p.rule}: ${p.ink} on ${p.ground}`,
      ).toBeGreaterThanOrEqual(4.5);
  });
});
