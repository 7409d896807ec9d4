import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { edited, errors, IN_FORMAT_1_1, load } from './helpers.ts';

// Two things the format lets a facilitator say: a market variant's name as the screens
// show it (`markets[].name`), and a delayed entry that only moves a member (`later:` with
// `members` and no `effects`). Each is checked twice: by the game's loader, with the line
// of the mistake, and by the published JSON Schema an editor checks as the author types.

const schema = JSON.parse(
  readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8'),
) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const inEditor = (text: string) => validate(parse(text));

/** The base scenario with two variants, the first named `name` (none when undefined). */
function withMarkets(name: string | undefined) {
  const named = name === undefined ? '' : `\n    name: ${JSON.stringify(name)}`;
  return edited(IN_FORMAT_1_1, [
    'situations:',
    `markets:
  - id: maya-new${named}
    brief: "Maya joined this spring."
    team: { maya: { skill: 0.4 } }
  - id: tom-new
    brief: "Tom joined this spring."
    team: { tom: { skill: 0.3 } }
situations:`,
  ]);
}

const DEPOT_LATER =
  '          - { after: 1, effects: { trust: 0.04 }, note: "the depot visit showed you listened" }';

/** The depot visit's delayed entry replaced by `entry` (one flow mapping, one line). */
const withLater = (entry: string) => edited(IN_FORMAT_1_1, [DEPOT_LATER, `          - ${entry}`]);

describe('a market variant’s name', () => {
  it('is read as written, accents and all, and is optional', () => {
    const result = load(withMarkets('Maya new, Tom seasoned at Café Nord'));
    expect(result.ok && result.warnings).toEqual([]);
    if (!result.ok) return;
    expect(result.scenario.markets!.map((m) => m.name)).toEqual([
      'Maya new, Tom seasoned at Café Nord',
      undefined,
    ]);
    expect(load(withMarkets(undefined)).ok).toBe(true);
    expect(inEditor(withMarkets('Maya new, Tom seasoned at Café Nord'))).toBe(true);
  });

  it('is refused at its line when empty or longer than 60 characters', () => {
    expect(errors(load(withMarkets('')))).toEqual([
      '38:11: markets[0].name: expected text of at most 60 characters, got empty text',
    ]);
    const long = 'Maya new and Tom seasoned, with a rival who cut its prices twice';
    expect(long.length).toBeGreaterThan(60);
    expect(errors(load(withMarkets(long)))).toEqual([
      `38:11: markets[0].name: expected text of at most 60 characters, got ${long.length} characters; shorten it`,
    ]);
    expect(inEditor(withMarkets(''))).toBe(false);
    expect(inEditor(withMarkets(long))).toBe(false);
    expect(load(withMarkets('x'.repeat(60))).ok).toBe(true);
  });

  it('is refused when the screens would name two variants alike', () => {
    // "tom new" is what the screens call the second variant, which has no name
    expect(errors(load(withMarkets('Tom new')))).toEqual([
      '41:9: markets[1].id: the screens would name this market "tom new", as they name markets[0]: give each market a name of its own',
    ]);
  });

  it('is given to every variant of every shipped scenario', () => {
    for (const { scenario } of loadBundledScenarios()) {
      for (const m of scenario.markets ?? []) {
        expect(m.name, `${scenario.id}: ${m.id}`).toMatch(/^\S.{2,58}\S$/);
      }
    }
  });
});

describe('a delayed entry that only moves a member', () => {
  it('needs no effects when it has members', () => {
    const text = withLater(
      '{ after: 1, members: { tom: { morale: -0.2 } }, note: "Tom felt passed over" }',
    );
    const result = load(text);
    expect(result.ok && result.warnings).toEqual([]);
    if (!result.ok) return;
    const depot = result.scenario.situations[0]!.choices.find((c) => c.id === 'depot-visit')!;
    expect(depot.later).toEqual([
      { after: 1, members: { tom: { morale: -0.2 } }, note: 'Tom felt passed over' },
    ]);
    expect(inEditor(text)).toBe(true);
  });

  it('is refused at its line when it has neither effects nor members', () => {
    const message =
      'situations[0].choices[1].later[0]: this delayed entry changes nothing: give it effects (a change to the market), members (a change to a team member), or both';
    const bare = withLater('{ after: 1, note: "nothing happens" }');
    expect(errors(load(bare))).toEqual([`58:13: ${message}`]);
    expect(inEditor(bare)).toBe(false);
    // an empty members mapping moves nobody either
    expect(errors(load(withLater('{ after: 1, members: {} }')))).toEqual([`58:13: ${message}`]);
  });

  it('still takes effects alone, and effects with members', () => {
    expect(load(withLater('{ after: 2, effects: { trust: 0.04 } }')).ok).toBe(true);
    const both = withLater(
      '{ after: 1, effects: { trust: 0.04 }, members: { tom: { effort: 0.1 } } }',
    );
    expect(load(both).ok).toBe(true);
    expect(inEditor(both)).toBe(true);
  });

  it('names a misspelt member at its place, as in effects that come at once', () => {
    expect(errors(load(withLater('{ after: 1, members: { tomm: { morale: -0.2 } } }')))).toEqual([
      '58:36: situations[0].choices[1].later[0].members.tomm: no team member "tomm"; did you mean tom?',
    ]);
  });
});
