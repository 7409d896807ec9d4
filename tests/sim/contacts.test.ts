import { describe, expect, it } from 'vitest';
import {
  breadth,
  contactCount,
  contactNames,
  initialState,
  playChoices,
  SimError,
} from '../../src/sim/index.ts';
import { DEPARTMENTS, market, rep } from '../helpers/market.ts';

// Contacts are kept as bit sets (department i of the scenario is bit i); what people read
// is the department names, in the scenario's order.

describe('contacts as bit sets', () => {
  it('counts the departments in a set, up to 31 of them', () => {
    const naive = (mask: number) => [...mask.toString(2)].filter((b) => b === '1').length;
    for (const mask of [0, 1, 2, 3, 0b1011, 0x55555555, 0x7fffffff, 0x40000000, 123456789]) {
      expect(contactCount(mask)).toBe(naive(mask));
    }
  });

  it('starts from the names the scenario gives and shows them in the scenario’s order', () => {
    const scenario = market({
      team: [rep('ann', 0.8, 0.8, 0, ['finance', 'purchasing']), rep('bo', 0.8, 0.8)],
      customer: { companyContacts: ['operations'] },
    });
    const state = initialState(scenario, '1');
    expect(contactNames(DEPARTMENTS, state.members[0]!.contacts)).toEqual([
      'purchasing',
      'finance',
    ]);
    expect(contactNames(DEPARTMENTS, state.members[1]!.contacts)).toEqual([]);
    expect(contactNames(DEPARTMENTS, state.companyContacts)).toEqual(['operations']);
    // three of the four departments reached, each counted once
    expect(breadth(state, DEPARTMENTS.length)).toBe(0.75);
  });

  it('gives a new contact to the least connected person, in the first department no one holds', () => {
    const scenario = market({
      team: [rep('ann', 0.8, 0.8, 0, ['purchasing', 'finance']), rep('bo', 0.8, 0.8)],
      replies: [{ id: 'meet', label: 'meet', style: 'collaborative', effects: { contacts: 1 } }],
    });
    const end = playChoices(scenario, '1', ['meet']);
    expect(contactNames(DEPARTMENTS, end.members[1]!.contacts)).toEqual(['engineering']);
    expect(breadth(end, DEPARTMENTS.length)).toBe(0.75);
  });

  it('hands a rep’s contacts to the company in the scenario’s department order', () => {
    const scenario = market({
      team: [rep('ann', 0.8, 0.8, 0, ['finance', 'engineering'])],
      replies: [{ id: 'crm', label: 'crm', style: 'collaborative', effects: { shareContacts: 1 } }],
    });
    const end = playChoices(scenario, '1', ['crm']);
    expect(contactNames(DEPARTMENTS, end.companyContacts)).toEqual(['engineering']);
  });

  it('refuses a customer with more departments than a set holds', () => {
    const many = Array.from({ length: 32 }, (_, i) => `d${i}`);
    const scenario = market({ customer: { departments: many } });
    expect(() => initialState(scenario, '1')).toThrow(SimError);
    expect(() => initialState(scenario, '1')).toThrow(/at most 31 departments, not 32/);
  });
});
