import {
  type EventDef,
  possessive,
  pullBasis,
  ropes,
  type ScenarioDef,
  type SimState,
  shareOf,
  teamResultant,
} from '../sim/index.ts';

// The rope view in words: who pulls where and how hard. The canvas carries it as its
// accessible name; it imports no Phaser, so the HTML side may show the same text.

export interface Gust {
  id: string;
  title: string;
  direction: 'for' | 'against';
}

/** The seeded events of the last quarter played that the scenario shows as gusts. */
export function gustsOf(scenario: ScenarioDef, state: SimState): Gust[] {
  const fired = state.history.at(-1)?.events ?? [];
  const out: Gust[] = [];
  for (const id of fired) {
    const ev: EventDef | undefined = scenario.events.find((e) => e.id === id);
    if (ev?.gust) out.push({ id, title: ev.title, direction: ev.gust });
  }
  return out;
}

/**
 * The names of the field's two ends: the rival's side where there is one rival (the
 * scenario's own word), their side where there are several; our side.
 */
export function sideNames(scenario: ScenarioDef): { theirs: string; ours: string } {
  const rivals = scenario.competitors;
  return {
    theirs: rivals.length === 1 ? `${possessive(rivals[0]!.name)} side` : 'their side',
    ours: 'our side',
  };
}

/** A gust's note on the view: the event's title and which way it blows. */
export function gustNote(g: Gust): string {
  return `${g.title} (${g.direction === 'for' ? 'for us' : 'against us'})`;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;
const pull = (v: number) => v.toFixed(2);

function where(angle: number): string {
  const a = ((angle % 360) + 360) % 360;
  if (a <= 5 || a >= 355) return 'straight towards us';
  if (a < 90) return `${Math.round(a)}° off the line`;
  if (a > 270) return `${Math.round(360 - a)}° off the line`;
  return 'away from us';
}

/**
 * What stands between our pulls and the customer, in words and the model's own figures:
 * distrust's friction on our team's ropes, and our contacts' grip on its departments (more
 * pull for us, less reach for rivals). Empty where neither acts.
 */
export function basisSentences(scenario: ScenarioDef, state: SimState): string[] {
  const departments = scenario.customer.departments.length;
  const b = pullBasis(state, scenario.params, departments);
  const out: string[] = [];
  // the two parts rounded as one: 52.6% and 47.4% would read 53% and 47%, not 48%
  const lostPercent = Math.round((1 - b.friction) * 100);
  if (lostPercent >= 1)
    out.push(
      `Distrust takes ${lostPercent}% of our team's pull: ${scenario.customer.name} trusts us ${pct(state.trust)}, so ${100 - lostPercent}% of it gets through.`,
    );
  else out.push(`${scenario.customer.name} trusts us fully: all of our team's pull gets through.`);
  if (b.breadth > 0)
    out.push(
      `Our contacts in ${pct(b.breadth)} of its departments add ${pct(b.contacts - 1)} to our pull and keep ${pct(1 - b.rivalReach)} of each rival's pull off.`,
    );
  return out;
}

/** Someone who has left the team: the picture draws no rope for them, the words say so. */
export interface Departure {
  id: string;
  name: string;
  /** the quarter in which they left */
  quarter: number;
  /** what made them go: an event's title, or null where it was the player's reply */
  event: string | null;
}

/**
 * Who has left the team so far, in the order they left, read from the quarters' causes
 * (the step records each departure as 'left:<id>' with the event or reply behind it).
 */
export function departures(scenario: ScenarioDef, state: SimState): Departure[] {
  const out: Departure[] = [];
  for (const report of state.history) {
    for (const cause of report.causes) {
      if (!cause.metric.startsWith('left:')) continue;
      const id = cause.metric.slice('left:'.length);
      const member = state.members.find((m) => m.id === id);
      if (!member || member.present || out.some((d) => d.id === id)) continue;
      const event =
        cause.source === 'event'
          ? (scenario.events.find((e) => e.id === cause.ref)?.title ?? null)
          : null;
      out.push({ id, name: member.name, quarter: report.quarter, event });
    }
  }
  return out;
}

/** A departure in one sentence, for the list beside the picture and its legend. */
export function departureSentence(d: Departure): string {
  const why = d.event ? `: ${d.event}` : ', after your reply';
  return `${d.name} left the team in quarter ${d.quarter}${why}. No rope: someone who has gone pulls nothing.`;
}

export function describeView(scenario: ScenarioDef, state: SimState): string {
  const all = ropes(state, scenario.params, scenario.customer.departments.length);
  const share = shareOf(state.position);
  const parts: string[] = [];
  parts.push(`${scenario.customer.name} sits at ${pct(share)} of its business with us.`);
  const team = all.filter((r) => r.side === 'team');
  if (team.length > 0) {
    const list = team.map((r) => `${r.name} pulls ${pull(r.pull)}, ${where(r.angle)}`);
    parts.push(`Our team, ${pct(teamResultant(state).alignment)} aligned: ${list.join('; ')}.`);
    parts.push(...basisSentences(scenario, state));
  }
  parts.push(...departures(scenario, state).map(departureSentence));
  for (const r of all.filter((x) => x.side === 'competitor')) {
    parts.push(`${r.name} pulls ${pull(r.pull)} away from us.`);
  }
  const habit = all.find((r) => r.side === 'habit');
  if (habit) {
    const towards = state.home >= state.position ? 'towards us' : 'away from us';
    parts.push(
      `Habits hold it ${towards}, ${pull(habit.pull)}, around its usual ${pct(shareOf(state.home))}.`,
    );
  }
  const outside = all.find((r) => r.side === 'outside');
  if (outside) {
    const towards = state.outside > 0 ? 'towards us' : 'away from us';
    parts.push(`Outside influences push ${towards}, ${pull(outside.pull)}.`);
  }
  for (const g of gustsOf(scenario, state)) {
    parts.push(`Event: ${g.title} (${g.direction === 'for' ? 'in our favour' : 'against us'}).`);
  }
  return parts.join(' ');
}
