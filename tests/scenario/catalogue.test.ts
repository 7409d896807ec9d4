import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';

// The catalogue of malformed scenarios: each file in tests/fixtures/bad-scenarios/ is the
// tutorial with one planted fault (its first line says which), or a file that is not a
// scenario at all. Each must fail with exactly these messages, at these lines and columns:
// what a facilitator reads is the product here, so the wording is pinned too.

const DIR = new URL('../fixtures/bad-scenarios/', import.meta.url);

const EXPECTED: Record<string, string[]> = {
  'alias-bomb.yaml': [
    '11:9: (file): aliases (*name) here expand into too much data; a scenario has no need to repeat a part more than 100 times',
  ],
  'bad-enum.yaml': [
    '95:11: situations[2].kind: expected one of crisis, build, routine, got the text "crises"; did you mean crisis?',
  ],
  'bad-id.yaml': [
    '37:9: situations[0].id: expected an id (lower-case letters, digits and dashes, such as "first-call"), got the text "First Call"; try first-call',
  ],
  'bidi-override.yaml': [
    "30:17: customer.name: this text holds an invisible direction control (U+202E RIGHT-TO-LEFT OVERRIDE), which would reverse the game's own text around it; remove it",
  ],
  'binary-junk.yaml': [
    '1:1: (file): this is not a text file: it holds binary bytes (or text that is not UTF-8); save the scenario as UTF-8 text',
  ],
  'branch-uneven.yaml': [
    '94:5: situations[2]: situation "rival-offer" comes in quarter 2 (through situations[0].choices[0] "discount") and in quarter 3 (through situations[1].choices[0] "one-offer"); every path must last 3 quarters: make the branches the same length',
  ],
  'control-character.yaml': [
    '38:12: situations[0].title: this text holds an invisible control character (U+0007); remove it',
  ],
  'dangling-next.yaml': [
    '82:15: situations[1].choices[0].next: no situation "rival-ofer"; did you mean rival-offer?',
  ],
  'deep-nesting.yaml': [
    '12:20: goals[2][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: lists and mappings nest 17 levels deep here; the format never goes beyond 16',
  ],
  'duplicate-choice-id.yaml': [
    '63:13: situations[0].choices[2].id: duplicate choice id "discount"; situations[0].choices[0] already uses it',
  ],
  'duplicate-member-id.yaml': [
    '26:11: team[2].id: duplicate team member id "tom"; team[1] already uses it',
  ],
  'empty-text.yaml': [
    '38:12: situations[0].title: expected text of at most 120 characters, got empty text',
  ],
  'empty.yaml': [
    '1:1: (file): the file is empty; a scenario starts with schemaVersion: "1.2" and an id (see docs/authoring.md)',
  ],
  'ends-early.yaml': [
    '93:5: situations[2]: the game ends after this situation, in quarter 3, but the scenario has quarters: 4: add situations after it, or set quarters: 3',
  ],
  'event-impossible.yaml': [
    '121:20: events[0].when.trust: trust can never be both below 0.2 and above 0.5: the event would never happen',
  ],
  'event-odds.yaml': [
    '120:11: events[0].odds: expected a number from 0 to 1, got 30; write 30% as 0.3',
  ],
  'event-window.yaml': ['122:9: events[0].to: "to" (2) comes before "from" (3)'],
  'fraction-of-contacts.yaml': [
    '56:43: situations[0].choices[1].effects.contacts: expected a whole number from -5 to 5, got 0.5',
  ],
  'huge-number.yaml': [
    '28:43: competitors[0].strength: expected a number from 0.05 to 10, got .inf (a number too large to use)',
  ],
  'infinity.yaml': [
    '35:15: customer.marketSize: expected a number from 1 to 10000000, got .inf (a number too large to use)',
  ],
  'junk-after-end.yaml': [
    '139:1: (file): text after the end of the YAML document (the "..." on line 137); the game ignores it or misreads it as a second document: remove the "..." line, or what follows it',
  ],
  'loop.yaml': [
    '101:9: situations[2].choices[0]: the choice "match-now" leads back to "first-call": the game would never end',
  ],
  'merge-key.yaml': [
    '30:3: customer["<<"]: unknown key: "<<" has no meaning in a scenario; remove it',
  ],
  'missing-key.yaml': [
    '30:3: customer.marketSize: missing: add marketSize here, with a number from 1 to 10000000',
  ],
  'nan.yaml': ['31:10: customer.trust: expected a number from 0 to 1, got .nan (not a number)'],
  'not-a-mapping.yaml': [
    '1:1: (file): expected a mapping of keys such as schemaVersion, id and title; got a list',
  ],
  'only-comments.yaml': [
    '1:1: (file): the file is empty; a scenario starts with schemaVersion: "1.2" and an id (see docs/authoring.md)',
  ],
  'out-of-range.yaml': ['32:13: customer.position: expected a number from -1 to 1, got -3'],
  'plain-text.yaml': [
    '1:1: (file): expected a mapping of keys such as schemaVersion, id and title; got the text "Harbour Logistics buys coffee machines f…"',
  ],
  'proto-key.yaml': [
    '30:3: customer.__proto__: unknown key: "__proto__" has no meaning in a scenario; remove it',
  ],
  'proto-member.yaml': [
    '82:43: situations[1].choices[0].members.__proto__: unknown key: "__proto__" has no meaning in a scenario; remove it',
  ],
  'proto-style.yaml': [
    '16:5: params.styles.__proto__: unknown key: "__proto__" has no meaning in a scenario; remove it',
  ],
  'quoted-number.yaml': [
    '31:10: customer.trust: expected a number from 0 to 1, got the text "0.2"; remove the quotes around the number',
  ],
  'runs-long.yaml': [
    '70:5: situations[1]: this situation is quarter 2, the last (quarters: 2), but its choices lead on to "rival-offer": set quarters to the length of the longest path, or move this situation to the end of the list',
  ],
  'text-not-list.yaml': [
    '9:8: goals: expected a list of 1 to 8 items, got the text "Read the rope view and see how styles di…"',
  ],
  'too-few-choices.yaml': [
    '101:7: situations[2].choices: expected a list of 2 to 6 items, got 1 item',
  ],
  'too-long-text.yaml': [
    '47:16: situations[0].choices[0].label: expected text of at most 160 characters, got 260 characters; shorten it',
  ],
  'typo-effect.yaml': [
    '81:20: situations[1].choices[0].effects.alignmnt: unknown effect; did you mean alignment?',
  ],
  'typo-top-key.yaml': ['4:1: titel: unknown key; did you mean title?'],
  'unknown-department.yaml': [
    '23:18: team[0].contacts[0]: "purchase" is not one of the customer\'s departments (purchasing, facilities, operations, finance); did you mean purchasing?',
  ],
  'unknown-key.yaml': [
    '25:27: team[1].colour: unknown key; expected one of id, name, role, portrait, kind, skill, effort, morale, angle, contacts',
  ],
  'unknown-member.yaml': [
    '87:20: situations[1].choices[1].members.mya: no team member "mya"; did you mean maya?',
  ],
  'unknown-style.yaml': [
    '103:16: situations[2].choices[0].style: unknown style "directiv": expected one of directive, collaborative; did you mean directive?',
  ],
  'unreachable-situation.yaml': [
    '71:9: situations[1].id: no choice leads to situation "split-team": it can never be played',
  ],
  'version-future.yaml': [
    "2:16: schemaVersion: this file needs a newer version of Tug of War (format 2.0); this copy reads formats 1.0–1.2: update the game, or ask the scenario's author for a version in format 1.2",
  ],
  'version-garbled.yaml': [
    '2:16: schemaVersion: expected a version such as "1.2" (two numbers and a dot), got "first"',
  ],
  'version-missing.yaml': ['2:1: schemaVersion: missing: start the file with schemaVersion: "1.2"'],
  'version-number.yaml': [
    '2:16: schemaVersion: write the version in quotes, as "1.2": unquoted, YAML reads it as a number (1.10 would become 1.1)',
  ],
  'version-too-old.yaml': [
    '2:16: schemaVersion: format 0.9 is older than this game reads (formats 1.0–1.2); change it to "1.2" and fix what scenario:check then reports (docs/authoring.md lists what changed)',
  ],
  'weights-sum.yaml': ['124:12: rubric.weights: the weights add up to 1.1; they must add up to 1'],
  'weights-typo.yaml': ['124:14: rubric.weights.shares: unknown key; did you mean share?'],
  'wrong-type.yaml': [
    '13:11: quarters: expected a whole number from 1 to 20, got the text "three"',
  ],
  'zero-width.yaml': [
    '25:23: team[1].name: this text holds an invisible character (U+200B ZERO WIDTH SPACE), which makes it read as something other than what it shows; remove it',
  ],
  'yaml-bad-escape.yaml': [
    '38:31: situations[0].title: YAML: Invalid escape sequence \\q: inside "double quotes" a backslash starts an escape; write \\\\ for a backslash, or use \'single quotes\'',
  ],
  'yaml-bad-indent.yaml': [
    '30:9: customer.name: YAML: the next line is indented further than this one, so YAML reads both as one key: line the keys of one mapping up in the same column',
  ],
  'yaml-colon-in-text.yaml': [
    '38:12: situations[0].title: YAML: a colon followed by a space inside unquoted text starts a new key: put the whole text in quotes',
  ],
  'yaml-custom-tag.yaml': [
    '35:15: customer.marketSize: the YAML tag !js/eval is not allowed: a scenario holds only text, numbers, true/false, lists and mappings; remove the tag',
  ],
  'yaml-duplicate-key.yaml': [
    '32:3: customer.trust: YAML: the key "trust" appears twice in this mapping; keep only one',
  ],
  'yaml-missing-colon.yaml': [
    '13:1: goals[2]: YAML: this line reads as a key but has no colon after it, or a text value runs on without quotes: add "key: value", or put the text in quotes',
  ],
  'yaml-reserved-char.yaml': [
    '30:9: customer.name: YAML: Plain value cannot start with reserved character @: put the text in quotes',
  ],
  'yaml-tab-indent.yaml': [
    '30:1: (file): YAML: a tab is used to indent this line; YAML indents with spaces only: replace the tab with spaces',
  ],
  'yaml-tag.yaml': [
    '30:9: customer.name: the YAML tag !!binary is not allowed: a scenario holds only text, numbers, true/false, lists and mappings; remove the tag',
  ],
  'yaml-two-documents.yaml': [
    '29:1: (file): YAML: the file holds more than one YAML document (a second --- line); a scenario is one document',
  ],
  'yaml-unclosed-brace.yaml': [
    '29:1: competitors[0].alignment: YAML: the { mapping } opened on line 28 is not closed: add } at its end',
  ],
  'yaml-unclosed-quote.yaml': [
    '4:35: title: YAML: a text opened with " is never closed: add the closing "',
  ],
  'model-1-styles.yaml': [
    '37:3: params.styles: styles have no built-in dynamics since model 2: what a reply does comes from its `acts` (tell, involve, delegate, push, give); remove params.styles and give each choice its acts',
  ],
  'yes-for-true.yaml': [
    '122:11: events[0].once: expected true or false, got the text "yes"; write true or false without quotes',
  ],
};

describe('the catalogue of malformed scenarios', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

  it('has at least 30 files, each with its expected messages', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s fails with the expected messages', (name, expected) => {
    const file = `tests/fixtures/bad-scenarios/${name}`;
    const result = loadScenario(readFileSync(new URL(name, DIR), 'utf8'), file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const got = result.issues.map((i) => `${i.line}:${i.col}: ${i.path || '(file)'}: ${i.message}`);
    expect(got).toEqual(expected);
    for (const i of result.issues) expect(i.file).toBe(file);
  });
});
