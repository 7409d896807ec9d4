import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { playChoices, priceCost, profitOf, revenueOf, statesAlong } from '../../src/sim/index.ts';
import { TERMS } from '../../src/ui/terms.ts';
import { figureWhy, PRICE_LABEL, priceNote } from '../../src/ui/why.ts';

// A reviewer played value-discipline, market 327280, cutting the price in Q1 and Q2 and
// again in Q7 and Q8. Every outcome listed "your price against the list price" as a gain
// (share, revenue and profit up), and the margin the discount costs showed once, in the
// reply that cut the price. A trainee read the discount as earning money. Each outcome
// must show what the price under list cost that quarter, beside what it drew.

const { scenario } = loadScenarioFile(`${SCENARIO_DIR}value-discipline.yaml`);
const choices =
  'all-three,match,keep-serving,listen,standard-stopgap,say-yes,ravi-answers,chase-volume'.split(
    ',',
  );
const state = playChoices(scenario, '327280', choices);
const money = (q: number, f: 'revenue' | 'profit') =>
  figureWhy(scenario, state, q, f, 'the ropes already pulling, as listed for share');

describe('value-discipline, market 327280: a price under list, both sides', () => {
  it('tells the margin given away every quarter the price stays under list, not only when it is cut', () => {
    const cutIn = state.history.map((r) => r.causes.some((c) => c.metric === 'price'));
    expect(cutIn).toEqual([true, true, false, false, false, false, true, true]);
    for (const r of state.history) {
      const note = priceNote(
        state,
        r.quarter,
        money(r.quarter, 'revenue'),
        money(r.quarter, 'profit'),
      );
      expect(note, `Q${r.quarter}`).not.toBeNull();
      expect(note!.rows[0]!.label).toMatch(/^margin given away/);
      expect(note!.rows[0]!.steps).toBe(-note!.givenAway);
    }
    // Q5, with no cut of its own: 7% under list, €83K given away, against the +€40K revenue
    // and +€2K profit the outcome lists for the price's draw
    const q5 = priceNote(state, 5, money(5, 'revenue'), money(5, 'profit'))!;
    expect(q5.lead).toBe('stood 7% under list this quarter');
    expect(q5.rows.map((r) => r.amount)).toEqual(['−\u2060€83K', '+\u2060€2K']);
    const drew = money(5, 'profit')!.lines.find((l) => l.label === PRICE_LABEL)!.steps;
    expect(drew).toBe(2);
    expect(q5.rows[1]!.label).toBe(
      'profit from the customer the price drew this quarter (“your price against the list price” above; +\u2060€40K revenue)',
    );
    expect(q5.givenAway).toBeGreaterThan(drew * 10);
  });

  it("gives the model's own figure: what the same sales would have brought at list price", () => {
    const states = statesAlong(scenario, '327280', choices);
    for (const r of state.history) {
      // the quarter's own state at its end, priced at list, with the same share
      const atList = { ...states[r.quarter]!, price: 1 };
      const revenue = revenueOf(scenario.customer, atList, r.metrics.share);
      const profit = profitOf(scenario.customer, atList, r.metrics.share);
      const cost = priceCost(state, r.quarter)!;
      expect(cost.price).toBeCloseTo(states[r.quarter]!.price, 9);
      expect(cost.givenAway).toBeCloseTo(revenue - r.metrics.revenue, 6);
      expect(cost.givenAway).toBeCloseTo(profit - r.metrics.profit, 6);
    }
  });

  it('says nothing where the price stands at list', () => {
    const atList = playChoices(scenario, '327280', ['choose-together']);
    expect(atList.price).toBe(1);
    expect(priceCost(atList, 1)).toBeNull();
    expect(priceNote(atList, 1, money(1, 'revenue'), money(1, 'profit'))).toBeNull();
  });

  it("the glossary's price entry names both sides", () => {
    expect(TERMS.price.definition).toMatch(/draws the customer/);
    expect(TERMS.price.definition).toMatch(/gives away margin on everything sold/);
  });
});
