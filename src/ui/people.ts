import type { Channel, CustomerDef, MemberDef, ScenarioDef, SituationDef } from '../sim/index.ts';
import { h } from './dom.ts';

// The people of a scenario as the player meets them: a face, a name and what they do. The
// model knows a member only by id and numbers; everything here is for the eye.

/** A file's name without folder and ".svg" → its address in the built site. */
function byName(files: Record<string, string>): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(files).map(([path, url]) => [
      path.replace(/^.*\//, '').replace(/\.svg$/, ''),
      url,
    ]),
  );
}

// bundled from the top-level assets/ folder, so they are precached for offline play
const PORTRAITS = byName(
  import.meta.glob<string>('../../assets/portraits/*.svg', {
    eager: true,
    query: '?url',
    import: 'default',
  }),
);
const ICONS = byName(
  import.meta.glob<string>('../../assets/icons/*.svg', {
    eager: true,
    query: '?url',
    import: 'default',
  }),
);

/** Someone the player reads about: on the team, at the customer, or a rival. */
export interface Person {
  name: string;
  /** what they do; empty when the scenario does not say */
  role: string;
  portrait?: string;
}

/** The member's role as the scenario gives it, or what their kind of rope is. */
export function roleOf(member: MemberDef): string {
  return member.role ?? (member.kind === 'rep' ? 'Sales rep' : 'Product line');
}

export function memberAsPerson(member: MemberDef): Person {
  return {
    name: member.name,
    role: roleOf(member),
    ...(member.portrait ? { portrait: member.portrait } : {}),
  };
}

/** A department as words: the scenario's own name for it, or its id with spaces. */
export function departmentName(customer: CustomerDef, id: string): string {
  const named = customer.departmentNames;
  return named && Object.hasOwn(named, id) ? named[id]! : id.replaceAll('-', ' ');
}

/** Departments as one line of words, "purchasing, infection control". */
export function departmentList(customer: CustomerDef, ids: readonly string[]): string {
  return ids.map((d) => departmentName(customer, d)).join(', ');
}

// skill runs from 0.1 to 1.5 in the model, where 1 is a fully capable rep; a number out of
// 100 would read 130/100 for a star, so the briefing says it in words
const SKILL_WORDS: readonly [atLeast: number, words: string][] = [
  [1.1, 'exceptional'],
  [0.85, 'strong'],
  [0.65, 'solid'],
  [0.45, 'still learning'],
  [0, 'new to the job'],
];

export function skillInWords(skill: number): string {
  return SKILL_WORDS.find(([atLeast]) => skill >= atLeast)![1];
}

/** Who a situation comes from, as a person, or null when the scenario does not say. */
export function senderOf(scenario: ScenarioDef, situation: SituationDef): Person | null {
  const from = situation.from;
  if (from === undefined) return null;
  if (typeof from !== 'string') {
    return {
      name: from.name,
      role: from.title ?? '',
      ...(from.portrait ? { portrait: from.portrait } : {}),
    };
  }
  const member = scenario.team.find((m) => m.id === from);
  if (member) return memberAsPerson(member);
  const rival = scenario.competitors.find((c) => c.id === from);
  return rival ? { name: rival.name, role: 'Competitor' } : null;
}

/** "Maya, Account manager": a portrait's alt text and a person's one-line label. */
export function nameAndRole(person: Person): string {
  return person.role ? `${person.name}, ${person.role}` : person.name;
}

/**
 * A person's face, with their name and role as its alt text. Without a portrait, their
 * initials in a circle, hidden from screen readers: the name is always written beside it.
 */
export function portraitOf(person: Person, size: 'small' | 'large'): HTMLElement {
  const url = person.portrait ? PORTRAITS.get(person.portrait) : undefined;
  if (url) {
    return h('img', {
      class: `portrait portrait-${size}`,
      attrs: { src: url, alt: nameAndRole(person), width: '64', height: '64', decoding: 'async' },
    });
  }
  const initials = person.name
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
  return h(
    'span',
    { class: `portrait portrait-${size} portrait-none`, attrs: { 'aria-hidden': 'true' } },
    initials,
  );
}

export const CHANNEL_NAMES: Record<Channel, string> = {
  email: 'E-mail',
  call: 'Phone call',
  message: 'Message',
  meeting: 'Meeting',
  report: 'Report',
};

/** The channel's icon; decorative, as its name is written beside it. */
export function channelIcon(channel: Channel): HTMLElement | null {
  const url = ICONS.get(channel);
  return url
    ? h('img', {
        class: 'channel-icon',
        attrs: { src: url, alt: '', width: '20', height: '20' },
      })
    : null;
}
