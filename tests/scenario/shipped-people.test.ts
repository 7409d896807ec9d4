import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { PORTRAIT_IDS } from '../../src/scenario/portrait-ids.ts';

// Every person the player meets in a shipped scenario has a face and says what they do,
// and every picture the format accepts is one the game ships.

const PORTRAITS = new URL('../../assets/portraits/', import.meta.url);

describe('the people of the shipped scenarios', () => {
  it('accepts exactly the portraits in assets/portraits', () => {
    const files = readdirSync(PORTRAITS)
      .filter((f) => f.endsWith('.svg'))
      .map((f) => f.slice(0, -'.svg'.length));
    expect([...PORTRAIT_IDS].sort()).toEqual(files.sort());
  });

  for (const { scenario } of loadBundledScenarios()) {
    it(`${scenario.id}: every team member has a role, a portrait of their own and a plain name`, () => {
      const portraits = scenario.team.map((m) => m.portrait);
      for (const m of scenario.team) {
        expect(m.role, `${m.id}'s role`).toBeTruthy();
        expect(m.portrait, `${m.id}'s portrait`).toBeTruthy();
        expect(existsSync(new URL(`${m.portrait}.svg`, PORTRAITS)), `${m.portrait}.svg`).toBe(true);
        // the role belongs in role, not in brackets after the name
        expect(m.name, `${m.id}'s name`).not.toMatch(/[()]/);
      }
      expect(new Set(portraits).size, 'no two members share a face').toBe(portraits.length);
    });

    it(`${scenario.id}: every situation says who it comes from or through what`, () => {
      for (const s of scenario.situations) {
        expect(s.channel, `${s.id}'s channel`).toBeDefined();
      }
    });
  }
});
