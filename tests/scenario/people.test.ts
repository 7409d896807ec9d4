import { describe, expect, it } from 'vitest';
import { edited, errors, load } from './helpers.ts';

// The people of a scenario: a team member's role and portrait, who a situation comes from
// and through what, and department names. All are shown, never modelled.

const MAYA = '      name: Maya,\n';
const TOM = '{ id: tom, name: Tom, kind: rep,';
const CARD = '    title: "The first meeting"\n';

describe('people in the scenario format', () => {
  it('reads roles, portraits, senders, channels and department names', () => {
    const result = load(
      edited(
        [MAYA, '      name: Maya,\n      role: "Account manager",\n      portrait: bun,\n'],
        [TOM, '{ id: tom, name: Tom, role: New rep, portrait: short-neat, kind: rep,'],
        [
          CARD,
          `${CARD}    from: { name: Dana Hale, title: "Purchasing manager, Harbour Logistics", portrait: hijab }\n    channel: email\n`,
        ],
        [
          '  departments: [purchasing, facilities, operations, finance]\n',
          '  departments: [purchasing, facilities, operations, finance]\n  departmentNames: { facilities: "facilities management" }\n',
        ],
      ),
    );
    expect(result.ok && result.warnings).toEqual([]);
    if (!result.ok) return;
    const [maya, tom] = result.scenario.team;
    expect(maya).toMatchObject({ name: 'Maya', role: 'Account manager', portrait: 'bun' });
    expect(tom).toMatchObject({ role: 'New rep', portrait: 'short-neat' });
    expect(result.scenario.situations[0]).toMatchObject({
      from: { name: 'Dana Hale', title: 'Purchasing manager, Harbour Logistics' },
      channel: 'email',
    });
    expect(result.scenario.customer.departmentNames).toEqual({
      facilities: 'facilities management',
    });
  });

  it('takes a team member or a competitor as the sender by id', () => {
    for (const from of ['maya', 'brewco']) {
      const result = load(edited([CARD, `${CARD}    from: ${from}\n    channel: call\n`]));
      expect(result.ok, from).toBe(true);
    }
  });

  it('still loads a file without any of them, and adds none of them to it', () => {
    const plain = load(edited());
    expect(plain.ok).toBe(true);
    if (!plain.ok) return;
    expect(plain.scenario.team[0]).not.toHaveProperty('role');
    expect(plain.scenario.customer).not.toHaveProperty('departmentNames');
  });

  it('points at an unknown portrait with the closest id and where to see them all', () => {
    expect(errors(load(edited([MAYA, '      name: Maya,\n      portrait: hijb,\n'])))).toEqual([
      '18:17: team[0].portrait: no portrait "hijb" in the game\'s set; did you mean hijab?; the portraits and their ids are in assets/portraits/README.md',
    ]);
    expect(
      errors(load(edited([CARD, `${CARD}    from: { name: Dana, portrait: robot }\n`]))),
    ).toEqual([
      '39:35: situations[0].from.portrait: no portrait "robot" in the game\'s set; the portraits and their ids are in assets/portraits/README.md',
    ]);
  });

  it('says what a sender id should name, with a suggestion', () => {
    expect(errors(load(edited([CARD, `${CARD}    from: mya\n`])))).toEqual([
      '39:11: situations[0].from: no team member or competitor "mya"; did you mean maya?; someone else is written as { name: ..., title: ... }',
    ]);
  });

  it('explains a sender written neither as an id nor as a contact', () => {
    expect(errors(load(edited([CARD, `${CARD}    from: 42\n`])))).toEqual([
      '39:11: situations[0].from: expected an id, or a mapping with name, title, portrait, got 42',
    ]);
    expect(errors(load(edited([CARD, `${CARD}    from: { name: Dana, titel: Buyer }\n`])))).toEqual(
      ['39:25: situations[0].from.titel: unknown key; did you mean title?'],
    );
    expect(errors(load(edited([CARD, `${CARD}    from: { title: Buyer }\n`])))).toEqual([
      '39:11: situations[0].from.name: missing: add name here, with text of at most 60 characters',
    ]);
  });

  it('knows only its channels, and suggests the closest', () => {
    expect(errors(load(edited([CARD, `${CARD}    channel: e-mail\n`])))).toEqual([
      '39:14: situations[0].channel: expected one of email, call, message, meeting, report, got the text "e-mail"; did you mean email?',
    ]);
  });

  it('names only departments the customer has', () => {
    expect(
      errors(
        load(
          edited([
            '  departments: [purchasing, facilities, operations, finance]\n',
            '  departments: [purchasing, facilities, operations, finance]\n  departmentNames: { finanse: Finance }\n',
          ]),
        ),
      ),
    ).toEqual([
      '35:22: customer.departmentNames.finanse: "finanse" is not one of the customer\'s departments (purchasing, facilities, operations, finance); did you mean finance?',
    ]);
  });
});
