import { marketShort } from '../lib/market-number.ts';
import { h } from '../ui/dom.ts';

// The trainee's market on HR's pages, as the trainee sees it on their own screens
// ("market #…2d7a"), so a trainee who quotes it is understood; the whole seed, which is
// what a check compares, is its title (and a column of its own in the exports).

/**
 * A table cell (or, inside one, a span) with the short number, and the whole seed on
 * hover; empty without a seed.
 */
export function marketCell<T extends 'td' | 'span' = 'td'>(
  seed: string,
  tag: T = 'td' as T,
): HTMLElementTagNameMap[T] {
  if (seed === '') return h(tag);
  return h(
    tag,
    { class: 'market-number', attrs: { title: `market ${seed}`, 'data-seed': seed } },
    marketShort(seed),
  );
}
