import { type ActAmounts, actAmounts } from './act-amounts.ts';
import { type Condition, conditionList } from './conditions.ts';
import { type EffectEntries, entriesOf, type MemberEntries, memberEntriesOf } from './effects.ts';
import { type Term, termsOf } from './score.ts';
import type { PendingEffect } from './state.ts';
import type {
  Acts,
  ChoiceDef,
  DelayedEffect,
  EventDef,
  ScenarioDef,
  SituationDef,
} from './types.ts';

// A scenario as the simulation walks it: situations found by id, the situation each choice
// leads to, and every effect set as a list of entries, all worked out once per scenario
// object. step() looks this up once per quarter; the census once per census, then follows
// the links from choice to situation. Looking each of these up at every quarter (a WeakMap
// per effect set) was a fifth of the census's time. So a scenario object must not be
// edited in place once played: a changed scenario is a new object, as the editor makes it
// by parsing the text again. (Freezing loaded scenarios would enforce this, but frozen
// objects made every quarter about 10% slower.)
//
// The few fields of a definition a step reads are copied here too (ids, style, odds...):
// definitions read from a file differ in which optional fields they hold, so each has its own
// hidden class, and reading one field of many such objects at one place in the code is a
// slow, megamorphic lookup; the prepared objects are each made by one literal.

export class SimError extends Error {}

/**
 * The same text as `id`, as the engine's one shared copy of that text. An id read from a
 * file is a string of its own, and comparing two such strings compares their letters (a
 * call of the engine's, in finding a member, the person a reply is aimed at and the events
 * already fired: under 1% of the census's instructions), where two shared copies compare
 * by address. A property's name is always the shared copy, so that is where it is taken.
 */
export function sharedId(id: string): string {
  return Object.keys({ [id]: 0 })[0]!;
}

export interface PreparedChoice {
  def: ChoiceDef;
  /** def.id, def.style and def.person (null when absent), and def.later (null when empty) */
  id: string;
  style: string;
  person: string | null;
  later: readonly DelayedEffect[] | null;
  effects: EffectEntries;
  members: MemberEntries | null;
  /** what the reply does with people and the customer, answered by the situation (acts.ts) */
  acts: Acts | null;
  /** the acts' figures that depend on the reply and the situation alone (act-amounts.ts) */
  amounts: ActAmounts | null;
  nextId: string | null;
  /** the situation this choice leads to; null at the end of the game */
  next: PreparedSituation | null;
  /** the pending entries this reply schedules, by the quarter it is made in (pending.ts) */
  scheduled: (readonly PendingEffect[] | undefined)[];
}

export interface PreparedSituation {
  def: SituationDef;
  /** def.id */
  id: string;
  /** time pressure 0..1 */
  pressure: number;
  choices: PreparedChoice[];
}

export interface PreparedEvent {
  def: EventDef;
  /** def.id and def.odds */
  id: string;
  odds: number;
  /** the quarters in which it may happen, both included */
  from: number;
  to: number;
  once: boolean;
  /** last quarter's figures it waits for: each must lie strictly between its bounds */
  when: Condition[];
  effects: EffectEntries;
  members: MemberEntries | null;
  /** the team members it makes leave: it cannot come up once every one of them has gone */
  leaving: readonly string[];
}

export interface PreparedScenario {
  scenario: ScenarioDef;
  situations: Map<string, PreparedSituation>;
  /** the first situation; null for a scenario without any */
  first: PreparedSituation | null;
  events: PreparedEvent[];
  terms: Term[];
  /** each of the customer's departments' bit in a contact set, by name; see departmentBits() */
  departmentBits: ReadonlyMap<string, number> | null;
}

/** Each department's bit in a contact set, by name: department i is bit i (contacts.ts). */
function departmentBitsOf(departments: readonly string[]): Map<string, number> {
  if (departments.length > 31) {
    throw new SimError(`a customer has at most 31 departments, not ${departments.length}`);
  }
  const bits = new Map<string, number>();
  // a name listed twice keeps its first place, as a list's includes() found it
  departments.forEach((d, i) => {
    if (!bits.has(d)) bits.set(d, 1 << i);
  });
  return bits;
}

const preparedScenarios = new WeakMap<ScenarioDef, PreparedScenario>();

export function prepared(scenario: ScenarioDef): PreparedScenario {
  let p = preparedScenarios.get(scenario);
  if (!p) {
    p = prepare(scenario);
    preparedScenarios.set(scenario, p);
  }
  return p;
}

/**
 * Each department's bit in a contact set, worked out the first time a game starts and kept
 * with the prepared scenario: counting or walking the tree of choices never needs the
 * customer, so preparing it does not read it.
 */
export function departmentBits(prep: PreparedScenario): ReadonlyMap<string, number> {
  prep.departmentBits ??= departmentBitsOf(prep.scenario.customer.departments);
  return prep.departmentBits;
}

/** The prepared situation with this id; SimError if the scenario has none. */
export function preparedSituation(prep: PreparedScenario, id: string): PreparedSituation {
  const s = prep.situations.get(id);
  if (!s) throw new SimError(`no situation "${id}" in scenario ${prep.scenario.id}`);
  return s;
}

export function situationById(scenario: ScenarioDef, id: string): SituationDef {
  return preparedSituation(prepared(scenario), id).def;
}

/** The situation after this one, when the choice does not say otherwise. */
export function nextSituationId(
  scenario: ScenarioDef,
  situation: SituationDef,
  choice: ChoiceDef,
): string | null {
  if (choice.next) return choice.next;
  if (situation.next) return situation.next;
  const list = scenario.situations;
  const i = list.indexOf(situation);
  return i < 0 ? null : (list[i + 1]?.id ?? null);
}

function prepare(scenario: ScenarioDef): PreparedScenario {
  const situations = new Map<string, PreparedSituation>();
  for (const def of scenario.situations) {
    situations.set(def.id, {
      def,
      id: def.id,
      pressure: def.pressure ?? (def.kind === 'crisis' ? 1 : 0),
      choices: [],
    });
  }
  for (const s of situations.values()) {
    for (const def of s.def.choices) {
      const nextId = nextSituationId(scenario, s.def, def);
      const acts = def.acts && Object.values(def.acts).some((v) => v !== 0) ? def.acts : null;
      s.choices.push({
        def,
        id: def.id,
        style: def.style,
        person: def.person === undefined ? null : sharedId(def.person),
        later: def.later !== undefined && def.later.length > 0 ? def.later : null,
        effects: entriesOf(def.effects),
        members: def.members ? memberEntriesOf(def.members) : null,
        acts,
        amounts: acts === null ? null : actAmounts(acts, s.pressure),
        nextId,
        // an id that names no situation is left for step() to report when it is reached
        next: nextId === null ? null : (situations.get(nextId) ?? null),
        scheduled: [],
      });
    }
  }
  const firstId = scenario.situations[0]?.id;
  return {
    scenario,
    situations,
    first: firstId === undefined ? null : situations.get(firstId)!,
    events: scenario.events.map((def) => ({
      def,
      id: sharedId(def.id),
      odds: def.odds,
      from: def.from ?? Number.NEGATIVE_INFINITY,
      to: def.to ?? Number.POSITIVE_INFINITY,
      once: def.once ?? true,
      when: conditionList(def.when),
      effects: entriesOf(def.effects),
      members: def.members ? memberEntriesOf(def.members) : null,
      // an edition played before a person left once (ScenarioDef.leavesTwice) lists nobody:
      // its events came up whoever had gone, as they did when its results were played
      leaving: scenario.leavesTwice
        ? []
        : Object.entries(def.members ?? {})
            .filter(([, e]) => e.leaves === true)
            .map(([id]) => sharedId(id)),
    })),
    terms: termsOf(scenario.rubric),
    departmentBits: null,
  };
}
