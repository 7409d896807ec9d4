import { formatPath } from './errors.ts';
import { targetOf } from './paths.ts';
import type { ScenarioFile } from './schema.ts';
import type { SemanticIssue } from './semantics.ts';
import { didYouMean } from './suggest.ts';

// Checks of alternative texts (a situation's and a reply's `alternatives:`) that the schema
// cannot make: each needs `after`, `when` or `markets` and something to show, every id in
// `after` names a reply or an event and every id in `markets` a market variant, and a reply
// or event that can never come before the situation is pointed out, since its text would
// never be shown.

type Conditions = NonNullable<NonNullable<ScenarioFile['events']>[number]['when']>;

/** A `when` no figure can meet (below at or under above): the thing it guards never happens. */
export function impossibleConditions(
  when: Conditions | undefined,
  path: (string | number)[],
  what: string,
  out: SemanticIssue[],
) {
  for (const [metric, cmp] of Object.entries(when ?? {})) {
    if (cmp?.below !== undefined && cmp.above !== undefined && cmp.below <= cmp.above) {
      out.push({
        path: [...path, 'when', metric],
        message: `${metric} can never be both below ${cmp.below} and above ${cmp.above}: ${what}`,
      });
    }
  }
}

type Alternative = { after?: string[]; when?: Conditions; markets?: string[] } & Record<
  string,
  unknown
>;

/** Every alternative of situation `i`, its own and its replies', with where it sits. */
function alternativesOf(
  sit: ScenarioFile['situations'][number],
  i: number,
): { alt: Alternative; path: (string | number)[]; shows: readonly string[] }[] {
  return [
    ...(sit.alternatives ?? []).map((alt, k) => ({
      alt: alt as Alternative,
      path: ['situations', i, 'alternatives', k],
      shows: ['text', 'from'],
    })),
    ...sit.choices.flatMap((c, j) =>
      (c.alternatives ?? []).map((alt, k) => ({
        alt: alt as Alternative,
        path: ['situations', i, 'choices', j, 'alternatives', k],
        shows: ['label', 'detail', 'coach'],
      })),
    ),
  ];
}

/**
 * Problems with an alternative's `markets`: a scenario without variants has none to name,
 * and each id must be one of its variants (a misspelt one would silently never hold).
 */
function checkMarkets(
  markets: readonly string[],
  variants: readonly string[] | null,
  path: (string | number)[],
  out: SemanticIssue[],
) {
  if (variants === null) {
    out.push({
      path: [...path, 'markets'],
      message:
        'this scenario has no market variants (`markets:` at the top level), so no game is dealt one: remove `markets` here, or add the variants',
    });
    return;
  }
  markets.forEach((id, n) => {
    if (!variants.includes(id)) {
      out.push({
        path: [...path, 'markets', n],
        message: `no market variant "${id}" (the variants are ${variants.join(', ')})${didYouMean(id, variants)}`,
      });
    }
  });
}

/** Whether `markets` names every variant, so it rules no game out. */
function everyMarket(markets: readonly string[], variants: readonly string[] | null): boolean {
  return variants?.every((v) => markets.includes(v)) ?? false;
}

/**
 * References: each alternative has a condition and a text, its `after` names replies or
 * events, and its `markets` names market variants.
 */
export function checkAlternatives(s: ScenarioFile, out: SemanticIssue[]) {
  const replies = new Set(s.situations.flatMap((x) => x.choices.map((c) => c.id)));
  const events = new Set((s.events ?? []).map((e) => e.id));
  const known = [...replies, ...events];
  const variants = s.markets ? s.markets.map((m) => m.id) : null;
  s.situations.forEach((sit, i) => {
    for (const { alt, path, shows } of alternativesOf(sit, i)) {
      const unconditional =
        alt.after === undefined &&
        alt.when === undefined &&
        (alt.markets === undefined || everyMarket(alt.markets, variants));
      if (unconditional) {
        out.push({
          path,
          message:
            alt.markets === undefined
              ? `this alternative always holds, so what it replaces would never show: give it ${variants === null ? "`after` (earlier replies or events) or `when` (last quarter's figures)" : "`after` (earlier replies or events), `when` (last quarter's figures) or `markets` (some of the market variants)"}, or write it in place of the default`
              : 'this alternative names every market variant, so it always holds and what it replaces would never show: leave out the variants the default is written for, or write it in place of the default',
        });
      }
      if (alt.markets !== undefined) checkMarkets(alt.markets, variants, path, out);
      if (shows.every((field) => alt[field] === undefined)) {
        out.push({
          path,
          message: `this alternative shows nothing: give it ${shows.map((f) => `\`${f}\``).join(', ')} or more`,
        });
      }
      alt.after?.forEach((id, n) => {
        if (!replies.has(id) && !events.has(id)) {
          out.push({
            path: [...path, 'after', n],
            message: `no reply or event "${id}"${didYouMean(id, known)}`,
          });
        }
      });
      impossibleConditions(alt.when, path, 'this text would never show', out);
    }
  });
}

/** Situation index → the indexes of the situations that can be played after it. */
function reachable(s: ScenarioFile): Set<number>[] {
  const index = new Map(s.situations.map((x, i) => [x.id, i]));
  const memo: (Set<number> | undefined)[] = [];
  const from = (i: number): Set<number> => {
    const known = memo[i];
    if (known) return known;
    const out = new Set<number>();
    memo[i] = out; // paths were checked for loops before this runs
    s.situations[i]!.choices.forEach((_, j) => {
      const t = targetOf(s, i, j);
      const next = t === null ? undefined : index.get(t);
      if (next === undefined) return;
      out.add(next);
      for (const k of from(next)) out.add(k);
    });
    return out;
  };
  return s.situations.map((_, i) => from(i));
}

/**
 * Warnings for an `after` id that can never come before its situation: a reply of this
 * situation or of one played only after it, or an event whose first quarter comes too late.
 * Runs once the paths are sound, with each situation's quarter.
 */
export function checkAlternativeOrder(
  s: ScenarioFile,
  quarterOf: ReadonlyMap<number, number>,
  out: SemanticIssue[],
) {
  const after = reachable(s);
  const index = new Map(s.situations.map((x, i) => [x.id, i]));
  s.situations.forEach((sit, i) => {
    const before = new Set<string>();
    s.situations.forEach((p, pi) => {
      p.choices.forEach((c, j) => {
        const t = targetOf(s, pi, j);
        const next = t === null ? undefined : index.get(t);
        if (next !== undefined && (next === i || after[next]!.has(i))) before.add(c.id);
      });
    });
    const quarter = quarterOf.get(i);
    for (const { alt, path } of alternativesOf(sit, i)) {
      alt.after?.forEach((id, n) => {
        const event = (s.events ?? []).find((e) => e.id === id);
        // an event of quarter q happens after that quarter's reply, before the next card
        const eventCan =
          event !== undefined && quarter !== undefined && (event.from ?? 1) < quarter;
        if (before.has(id) || eventCan) return;
        out.push({
          path: [...path, 'after', n],
          warning: true,
          message: event
            ? `the event "${id}" cannot have happened before ${formatPath(['situations', i])}, played in quarter ${quarter}: it never brings this text`
            : `the reply "${id}" is never taken before this situation: it never brings this text`,
        });
      });
    }
  });
}
