import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { playChoices, situationById } from '../../src/sim/index.ts';
import { mostReadSituation } from '../../src/workshop/most-read.ts';

// A room's slides and dashboard show one version of a card whose replies follow each
// trainee's game: the one most of the trainees who met it read. In who-owns, seed 1, Medora
// hires Sara after quarter 5 on the first line below, and she stays on the second.

const { scenario } = loadBundledScenarios().find((b) => b.scenario.id === 'who-owns')!;
const SARA_GONE = playChoices(scenario, '1', [
  'account-team',
  'push-down',
  'specialist',
  'retention-bonus',
  'no-data',
  'coach-ben',
  'chloe-recall',
]);
const SARA_STAYS = playChoices(scenario, '1', [
  'account-team',
  'pick-one',
  'specialist',
  'talk-sara',
  'contact-strategy',
  'chloe-leads',
  'ben-drives',
]);
const recall = situationById(scenario, 'recall');
const labelOf = (games: (typeof SARA_GONE)[]) =>
  mostReadSituation(scenario, recall, games).choices.find((c) => c.id === 'chloe-recall')!;

describe('the version of a card most of the room read', () => {
  it('is the departed version when most of the room lost Sara, the written one otherwise', () => {
    expect(SARA_GONE.members.find((m) => m.id === 'sara')?.present).toBe(false);
    expect(SARA_STAYS.members.find((m) => m.id === 'sara')?.present).toBe(true);
    const gone = labelOf([SARA_GONE, SARA_GONE, SARA_STAYS]);
    expect(gone.label).toMatch(/^Let Chloé brief every ward, the theatres too/);
    expect(gone.coach).toContain('Since Sara left');
    const stays = labelOf([SARA_GONE, SARA_STAYS, SARA_STAYS]);
    expect(stays.label).toBe(recall.choices.find((c) => c.id === 'chloe-recall')!.label);
  });

  it("is the scenario's own text while nobody has met the card", () => {
    expect(mostReadSituation(scenario, recall, [])).toEqual(recall);
  });
});
