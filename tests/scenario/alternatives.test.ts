import { describe, expect, it } from 'vitest';
import { edited, errors, IN_FORMAT_1_1, load } from './helpers.ts';

// A situation's alternative texts (`alternatives:`): the format accepts them, and the checker
// says where an author went wrong, at the line, with a suggestion: a misspelt reply, an
// alternative with no condition (it would always hide the text), one no history can bring.

const CARD = `    kind: crisis
    text: >-
      BrewCo learns it might lose Harbour`;

/** The base scenario with `alternatives` written under rival-offer's text. */
function withAlternatives(yaml: string): string {
  return edited(IN_FORMAT_1_1, [
    CARD,
    `    kind: crisis
    alternatives:
${yaml}
    text: >-
      BrewCo learns it might lose Harbour`,
  ]);
}

describe("a situation's alternative texts", () => {
  it('loads replies, events and figures as conditions, and keeps them in the scenario', () => {
    const result = load(
      withAlternatives(`      - after: [depot-visit, word-of-mouth]
        text: "BrewCo strikes, and Harbour's buyer rings you first."
      - when: { trust: { above: 0.4 }, breadth: { below: 0.9 } }
        text: "BrewCo strikes; Harbour trusts you enough to say so."`),
    );
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    if (!result.ok) return;
    const s = result.scenario.situations.find((x) => x.id === 'rival-offer')!;
    expect(s.alternatives).toEqual([
      {
        after: ['depot-visit', 'word-of-mouth'],
        text: "BrewCo strikes, and Harbour's buyer rings you first.",
      },
      {
        when: { trust: { above: 0.4 }, breadth: { below: 0.9 } },
        text: 'BrewCo strikes; Harbour trusts you enough to say so.',
      },
    ]);
  });

  it('refuses a misspelt reply at its line, naming the reply meant', () => {
    const out = errors(
      load(
        withAlternatives(`      - after: [depot-vist]
        text: "BrewCo strikes."`),
      ),
    );
    expect(out).toEqual([
      '97:17: situations[2].alternatives[0].after[0]: no reply or event "depot-vist"; did you mean depot-visit?',
    ]);
  });

  it('refuses an alternative without a condition, which would always hide the text', () => {
    const out = errors(load(withAlternatives('      - text: "BrewCo strikes."')));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      /^97:9: situations\[2\]\.alternatives\[0\]: this alternative always holds/,
    );
  });

  it('refuses figures no quarter can meet', () => {
    const out = errors(
      load(
        withAlternatives(`      - when: { trust: { above: 0.6, below: 0.4 } }
        text: "BrewCo strikes."`),
      ),
    );
    expect(out).toEqual([
      '97:24: situations[2].alternatives[0].when.trust: trust can never be both below 0.4 and above 0.6: this text would never show',
    ]);
  });

  it("warns of a reply that never comes before the situation: its own, or a later one's", () => {
    const result = load(
      withAlternatives(`      - after: [match-now]
        text: "BrewCo strikes again."`),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line}: ${w.path}: ${w.message}`)).toEqual([
      '97: situations[2].alternatives[0].after[0]: the reply "match-now" is never taken before this situation: it never brings this text',
    ]);
  });

  it('refuses an empty text, and warns of one that looks like markup (shown as plain text)', () => {
    const out = errors(
      load(
        withAlternatives(`      - after: [depot-visit]
        text: ""`),
      ),
    );
    expect(out.some((e) => e.includes('alternatives[0].text: expected text'))).toBe(true);
    const markup = load(
      withAlternatives(`      - after: [depot-visit]
        text: "BrewCo <b>strikes</b>."`),
    );
    expect(markup.ok).toBe(true);
    expect(markup.warnings.map((w) => w.path)).toEqual(['situations[2].alternatives[0].text']);
  });
});

// A reply's alternatives (label, detail, coach) and a situation's alternative sender follow
// the same rules: the checker points at the same mistakes, at the reply's own path.

const REPLY = `      - id: match-now
        label: "Match the offer today and put the whole team on Harbour this week"`;

/** The base scenario with `alternatives` written under match-now's label. */
function withReplyAlternatives(yaml: string): string {
  return edited(IN_FORMAT_1_1, [REPLY, `${REPLY}\n        alternatives:\n${yaml}`]);
}

describe("a reply's alternative texts and a situation's alternative sender", () => {
  it('loads a label, detail and coach for a history, and a sender', () => {
    const result = load(
      withReplyAlternatives(`          - after: [depot-visit]
            label: "Match the offer today, as the depot team asked"
            coach: "The depot team asked for it."`),
    );
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.warnings).toEqual([]);
    const sender = load(
      withAlternatives(`      - after: [depot-visit]
        from: { name: "Harbour's depot manager" }`),
    );
    expect(sender.ok ? [] : sender.issues).toEqual([]);
  });

  it("refuses a misspelt reply, a missing condition and an alternative that shows nothing, at the reply's path", () => {
    const out = errors(
      load(
        withReplyAlternatives(`          - after: [depot-vist]
            label: "Match it"
          - label: "Match it now"
          - after: [depot-visit]`),
      ),
    );
    expect(out.map((e) => e.replace(/^\d+:\d+: /, ''))).toEqual([
      'situations[2].choices[0].alternatives[0].after[0]: no reply or event "depot-vist"; did you mean depot-visit?',
      "situations[2].choices[0].alternatives[1]: this alternative always holds, so what it replaces would never show: give it `after` (earlier replies or events) or `when` (last quarter's figures), or write it in place of the default",
      'situations[2].choices[0].alternatives[2]: this alternative shows nothing: give it `label`, `detail`, `coach` or more',
    ]);
  });

  it('refuses a sender id that is no one, and warns of a reply that never comes before the card', () => {
    const out = errors(
      load(
        withAlternatives(`      - after: [depot-visit]
        from: mya`),
      ),
    );
    expect(out.map((e) => e.replace(/^\d+:\d+: /, ''))).toEqual([
      'situations[2].alternatives[0].from: no team member or competitor "mya"; did you mean maya?; someone else is written as { name: ..., title: ... }',
    ]);
    const late = load(
      withReplyAlternatives(`          - after: [ignore]
            label: "Match it again"`),
    );
    expect(late.ok).toBe(true);
    expect(late.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'situations[2].choices[0].alternatives[0].after[0]: the reply "ignore" is never taken before this situation: it never brings this text',
    ]);
  });
});
