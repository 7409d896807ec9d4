import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COPY_TARGETS } from '../../src/analysis/copying.ts';
import { gateReport } from '../../src/analysis/gates.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';

// "Copying a colleague's replies" (issue 18): in every shipped scenario with market
// variants, a colleague's best path from a market of another variant must land well short
// of the top of the receiving market, as the balance report checks it.

const SEEDS = Array.from({ length: COPY_TARGETS.markets }, (_, i) => String(i + 1));

// docs/hr.md tells HR, scenario by scenario, how often a copy still passes; its table is
// read here so that a figure that moves fails this test rather than misleading HR
const guide = readFileSync(new URL('../../docs/hr.md', import.meta.url), 'utf8');
const guideRow = (id: string): string[] | undefined =>
  guide
    .split('\n')
    .find((l) => l.startsWith(`  | \`${id}\` |`))
    ?.split('|')
    .slice(2, -1)
    .map((c) => c.trim());
const pct = (share: number) => `${Math.round(share * 100)}%`;
const withVariants = loadBundledScenarios().filter((b) => b.scenario.markets);

describe("copying a colleague's replies, in every shipped scenario with variants", () => {
  it('there is at least one', () => {
    expect(withVariants.length).toBeGreaterThan(0);
  });
  for (const { scenario } of withVariants) {
    it(`${scenario.id}: a copy from another variant lands at the ${COPY_TARGETS.crossMedian}th percentile or lower (median)`, () => {
      const { copying } = gateReport(scenario, SEEDS);
      expect(copying.crossMedian).not.toBeNull();
      expect(copying.crossMedian!).toBeLessThanOrEqual(COPY_TARGETS.crossMedian);
      // and a copy from the same variant still does well: the check says how often
      expect(copying.sameMedian).toBeGreaterThan(copying.crossMedian!);
      expect(copying.pass).toBe(true);
      // the HR guide's row: variants, median copy, copies at 75 or more, the same in the
      // server's order of dealing, and copies between colleagues taken at random at 90
      expect(guideRow(scenario.id)).toEqual([
        String(copying.variants),
        String(Math.round(copying.crossMedian!)),
        pct(copying.crossPassing),
        copying.dealtNext.map((d) => pct(d.passing)).join(', '),
        pct(copying.reach90),
      ]);
    }, 120_000);
  }
});
