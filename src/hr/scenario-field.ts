import { marketName, type ScenarioDef } from '../sim/index.ts';
import { h } from '../ui/dom.ts';

// The scenario picker on HR's two assignment forms, with a line under it that says whether
// a colleague's best replies carry over to another trainee's market: less where the scenario
// deals several starting situations (market variants), though some copies still pass (the
// balance report measures how many; docs/hr.md gives each shipped scenario's figure), and
// fully where every market starts alike. HR reads it before choosing a scenario for a
// graded assessment.

/** What copying a colleague's replies is worth in this scenario, in HR's words. */
export function copyingHint(scenario: ScenarioDef): string {
  const markets = scenario.markets ?? [];
  if (markets.length === 0) {
    return "Every market of this scenario starts alike: a colleague's best replies still score at the top on another trainee's market. Where copying matters, choose a scenario that deals several starting situations.";
  }
  // quoted and set apart by semicolons: a name may hold commas ("Chloé seasoned, Ben new")
  const names = markets.map((m) => `“${marketName(m)}”`).join('; ');
  return `Deals ${markets.length} starting situations, one per market (${names}): what is right depends in part on the trainee's own team and customer, so a colleague's best replies from another situation usually score lower. Some still reach a pass mark of 75, though (the HR guide says how often for each scenario), so for grades that matter do not rely on this alone.`;
}

/** The bundled scenarios to pick from, by title and length, on both of HR's forms. */
export function scenarioSelect(
  id: string,
  scenarios: readonly { scenario: ScenarioDef }[],
): HTMLSelectElement {
  return h(
    'select',
    { id },
    ...scenarios.map(({ scenario: s }) =>
      h('option', { attrs: { value: s.id } }, `${s.title} (${s.quarters} quarters)`),
    ),
  );
}

/** The picker with its label and the copying line, which follows the choice. */
export function scenarioField(
  id: string,
  scenarios: readonly { scenario: ScenarioDef }[],
): { select: HTMLSelectElement; field: HTMLElement } {
  const select = scenarioSelect(id, scenarios);
  const hint = h('p', { class: 'hint', id: `${id}-hint`, attrs: { 'aria-live': 'polite' } });
  select.setAttribute('aria-describedby', hint.id);
  const show = () => {
    const chosen = scenarios.find((s) => s.scenario.id === select.value)?.scenario;
    hint.textContent = chosen ? copyingHint(chosen) : '';
  };
  select.addEventListener('change', show);
  show();
  return {
    select,
    field: h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: id } }, 'Scenario'),
      select,
      hint,
    ),
  };
}
