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

// words a sender's name may start with that say nothing of who it is ("Your controller",
// "The Leeds plant manager", "Your new regional director")
const LEADING = new Set(['your', 'our', 'my', 'their', 'the', 'a', 'an', 'new']);
// small words inside a name ("Head of procurement", "Quality and regulatory")
const SMALL = new Set(['of', 'and', 'for', 'in', 'at', 'to', 'on', 'with', '&']);

/**
 * The initials a reader recognises: "Helen Achterberg" HA, "Your controller" C,
 * "Harbour's operations manager" HO, "HR" HR. The first letters of the first two
 * capitalised words when the name has two (a person's name); otherwise of its first two
 * words, the leading "your" or "the" and small words left out.
 */
export function initialsOf(name: string): string {
  const words = name
    .split(/\s+/)
    .map((w) => w.replace(/['’]s?$/u, ''))
    .filter((w) => /^\p{L}/u.test(w) && !SMALL.has(w));
  while (words.length > 1 && LEADING.has(words[0]!.toLowerCase())) words.shift();
  if (words.length === 0) return '';
  const only = words[0]!;
  // a name that is an abbreviation already: HR, QA
  if (words.length === 1 && /^\p{Lu}{2,}$/u.test(only)) return only.slice(0, 2);
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  const picked = capitalised.length >= 2 ? capitalised : words;
  return picked
    .slice(0, 2)
    .map((w) => [...w][0]!.toLocaleUpperCase())
    .join('');
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
  const initials = initialsOf(person.name);
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
