import type { CustomerDef, MemberDef } from '../sim/index.ts';
import { h } from './dom.ts';
import { departmentList, memberAsPerson, portraitOf, skillInWords } from './people.ts';

// The briefing's introduction of the team: each person's face, name and role, then what
// the player needs to know about them, in words. The figures are the market's own start
// (its variant's, where the scenario has variants), never the scenario's defaults.

export function teamList(team: readonly MemberDef[], customer: CustomerDef): HTMLElement {
  return h(
    'ul',
    { class: 'team-list' },
    ...team.map((m) => {
      const person = memberAsPerson(m);
      return h(
        'li',
        { class: 'person', attrs: { 'data-member': m.id } },
        portraitOf(person, 'large'),
        h(
          'div',
          { class: 'person-text' },
          h('p', { class: 'person-name' }, person.name),
          h('p', { class: 'person-role' }, person.role),
          h(
            'dl',
            { class: 'person-facts' },
            h('dt', null, 'Skill'),
            h('dd', null, skillInWords(m.skill)),
            h('dt', null, 'Morale'),
            h('dd', null, `${Math.round(m.morale * 100)}/100`),
            h('dt', null, 'Knows'),
            h('dd', null, m.contacts?.length ? departmentList(customer, m.contacts) : 'no one yet'),
          ),
        ),
      );
    }),
  );
}
