import type { ScenarioIssue } from '../scenario/errors.ts';
import type { LoadResult } from '../scenario/load.ts';
import type { ScenarioChoice } from './scenarios.ts';

// "Start from a bundled scenario" and one edit give a scenario with the bundled id and
// other content. The game keeps the two apart (saves go by content hash as well), but a
// result code, the class dashboard and HR's verifier look a scenario up by its id: the
// facilitator is told, beside the other warnings, while the id can still be changed.

export function bundledIdClash(
  result: LoadResult | null,
  text: string,
  bundled: readonly ScenarioChoice[],
): ScenarioIssue | null {
  if (!result?.ok) return null;
  const { id } = result.scenario;
  const same = bundled.find((b) => b.scenario.id === id);
  // an unchanged copy is the bundled scenario itself: nothing clashes
  if (!same || same.hash === result.hash) return null;
  const at = text.split('\n').findIndex((l) => /^id\s*:/.test(l));
  return {
    file: '',
    line: at + 1 || 1,
    col: 1,
    path: 'id',
    message: `"${id}" is the id of the bundled scenario "${same.scenario.title}", and yours differs from it. Players' saved games keep the two apart, but result codes, the class dashboard and HR's checks find a scenario by its id: give yours an id of its own.`,
  };
}
