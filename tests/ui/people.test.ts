import { describe, expect, it } from 'vitest';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { situationById } from '../../src/sim/index.ts';
import { departmentName, initialsOf, roleOf, senderOf, skillInWords } from '../../src/ui/people.ts';

const scenario = (id: string) => loadBundledScenarios().find((b) => b.scenario.id === id)!.scenario;

describe('people on screen', () => {
  it('gives a sender without a portrait initials a reader recognises', () => {
    // once "Yc", "Om" and "Qa": the first letters of whatever two words came first
    expect(initialsOf('Your controller')).toBe('C');
    expect(initialsOf("Oakmoor's marketing team")).toBe('OM');
    expect(initialsOf('Quality and regulatory')).toBe('QR');
    expect(initialsOf("Harbour's purchasing manager")).toBe('HP');
    expect(initialsOf('The Leeds plant manager')).toBe('LP');
    expect(initialsOf('Your new regional director')).toBe('RD');
    expect(initialsOf("The restaurant owners' association")).toBe('RO');
    // a person's name: the first letters of its capitalised words
    expect(initialsOf('Helen Achterberg')).toBe('HA');
    expect(initialsOf('Tomasz Wiśniewski')).toBe('TW');
    expect(initialsOf("St Brigid's infection-control team")).toBe('SB');
    expect(initialsOf('Maya')).toBe('M');
    expect(initialsOf('HR')).toBe('HR');
    expect(initialsOf('Head office')).toBe('HO');
    expect(initialsOf('élodie')).toBe('É');
    expect(initialsOf('')).toBe('');
  });

  it('says skill in words, a star above a full 100 included', () => {
    // Sara's skill is 1.3: once shown as 130/100
    expect(skillInWords(1.3)).toBe('exceptional');
    expect(skillInWords(0.9)).toBe('strong');
    expect(skillInWords(0.7)).toBe('solid');
    expect(skillInWords(0.5)).toBe('still learning');
    expect(skillInWords(0.1)).toBe('new to the job');
  });

  it('writes departments in words: the scenario’s name for one, or its id with spaces', () => {
    const who = scenario('who-owns').customer;
    expect(departmentName(who, 'infection-control')).toBe('infection control');
    expect(departmentName(who, 'biomed')).toBe('biomedical engineering');
    // a name can never come from Object's prototype
    expect(departmentName({ ...who, departmentNames: {} }, 'constructor')).toBe('constructor');
  });

  it('gives a member without a role what their rope is', () => {
    const m = scenario('tutorial').team[0]!;
    const { role: _role, ...noRole } = m;
    expect(roleOf(noRole)).toBe('Sales rep');
    expect(roleOf({ ...noRole, kind: 'product' })).toBe('Product line');
    expect(roleOf(m)).toBe('Senior sales rep, your most experienced');
  });

  it('finds a situation’s sender on the team, among the rivals or as a contact', () => {
    const silos = scenario('silos');
    expect(senderOf(silos, situationById(silos, 'commission'))).toEqual({
      name: 'Marcus Bell',
      role: 'Lead, safety gear and PPE',
      portrait: 'flat-top',
    });
    expect(senderOf(silos, situationById(silos, 'four-visits'))).toEqual({
      name: 'Helen Achterberg',
      role: 'Head of procurement, Meridian Foods',
    });
    const rivalCard = { ...situationById(silos, 'price-war'), from: 'granite' };
    expect(senderOf(silos, rivalCard)).toEqual({ name: 'Granite Supply', role: 'Competitor' });
    const { from: _from, ...unsigned } = rivalCard;
    expect(senderOf(silos, unsigned)).toBeNull();
  });
});
