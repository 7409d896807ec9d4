import { type Cell, toCsv } from '../../lib/csv.ts';
import { utcDateTime } from '../../lib/when.ts';
import { GAME_VERSION } from '../../record/version.ts';
import {
  census,
  fairGrade,
  gradeIn,
  modelOfScenario,
  OUTCOME_LABELS,
  type Outcome,
  type StrategyCensus,
  showsMoney,
} from '../../sim/index.ts';
import type { Credentials } from '../accounts/sessions.ts';
import type { Database } from '../db/database.ts';
import { asFacilitator } from './auth.ts';
import { roomModelProblem } from './model.ts';
import { playersOf, replayed } from './players.ts';
import { publicRoom } from './rows.ts';
import { scenarioOfRoom } from './scenarios.ts';

// The room for a spreadsheet or an archive: every trainee with their choices and what the
// server's replay of them gives, so the export always agrees with the model. The JSON
// keeps the model's own figures at full precision (outcomes as fractions, money in the
// scenario's currency); the CSV is for a person: percentages with one decimal, money in
// whole units of the currency, units in the header. A finished game has its fair score
// (the percentile among every strategy on the room's market, as the debrief grades it) and
// whether it reaches the scenario's pass mark; the CSV leaves a game still under way without
// figures (the JSON keeps them, as the game stands). A room opened under another model (model.ts)
// is exported as stored: its choices, with no score or outcome (room.otherModel says why),
// since this model's replay would be another game.

const OUTCOMES = Object.keys(OUTCOME_LABELS) as Outcome[];

/** Each outcome's column in the CSV, with its unit: every outcome is a fraction, shown in %. */
const OUTCOME_COLUMNS: Record<Outcome, string> = {
  share: 'share and outlook (%)',
  growth: 'growth a year (%)',
  attainment: 'plan attainment (%)',
  morale: 'morale (%)',
  trust: 'trust (%)',
  brand: 'brand (%)',
  earnings: "reps' earnings against the start (%)",
  alignment: 'alignment (%)',
  profit: 'profit a quarter against the starting revenue (%)',
};

export async function exportRoom(
  db: Database,
  code: string,
  who: Credentials,
): Promise<RoomExport> {
  const room = await asFacilitator(db, code, who);
  const rows = await playersOf(db, room.id);
  if (roomModelProblem(room) !== null)
    return {
      room: publicRoom(room),
      game: GAME_VERSION,
      model: room.model,
      currency: null,
      passMark: null,
      players: rows.map((p) => ({
        id: p.id,
        name: p.name,
        joinedAt: p.joined_at.toISOString(),
        choices: [...p.choices],
        finished: p.choices.length >= room.scenario_quarters,
        situationId: null,
        score: null,
        fairScore: null,
        passed: null,
        outcomes: null,
        money: null,
      })),
    };
  const scenario = await scenarioOfRoom(db, room);
  const money = showsMoney(scenario);
  // one market for the whole room: its census is worked out once, when someone finished
  let market: StrategyCensus | null = null;
  const players = rows.map((p) => {
    const r = replayed(scenario, room.seed, p.choices);
    let grade = null;
    if (r.finished) {
      market ??= census(scenario, room.seed);
      grade = gradeIn(market, scenario, r.state);
    }
    const last = r.state.history.at(-1)?.metrics ?? r.state.start;
    return {
      id: p.id,
      name: p.name,
      joinedAt: p.joined_at.toISOString(),
      choices: [...p.choices],
      finished: r.finished,
      situationId: r.state.situationId,
      score: r.score,
      fairScore: grade?.percentile == null ? null : fairGrade(grade.percentile),
      passed: grade ? grade.passed : null,
      outcomes: r.outcomes,
      // the model counts money in thousands
      money: money ? { revenue: last.revenue * 1000, profit: last.profit * 1000 } : null,
    };
  });
  return {
    room: publicRoom(room),
    game: GAME_VERSION,
    // the model its figures come from: the room's, which may be an earlier one replayed
    model: modelOfScenario(scenario),
    currency: money ? (scenario.currency ?? null) : null,
    passMark: scenario.rubric.passMark,
    players,
  };
}

/**
 * The room's export (docs/server.md lists the units). `model`: the model its figures come
 * from (the room's own, null if unknown, when not replayed); `currency`: the ISO code the
 * money is in, null when the scenario names none (then in the model's units) or has no money;
 * `passMark`: the scenario's, against the fair score (null when not replayed).
 */
export interface RoomExport {
  room: ReturnType<typeof publicRoom>;
  game: string;
  model: number | null;
  currency: string | null;
  passMark: number | null;
  players: {
    id: string;
    name: string;
    joinedAt: string;
    choices: string[];
    finished: boolean;
    situationId: string | null;
    score: number | null;
    /** the percentile among every strategy on the room's market, 0..100; null until finished */
    fairScore: number | null;
    /** whether the game reaches the scenario's pass mark as its rubric grades; null until finished */
    passed: boolean | null;
    /** each outcome as the model has it: a fraction (0.5 is 50%) */
    outcomes: Record<Outcome, number> | null;
    /** the last quarter played, in the currency; null when the scenario has no money */
    money: { revenue: number; profit: number } | null;
  }[];
}

/** A fraction as a percentage with one decimal: 0.50770 → 50.8. */
const percent = (x: number | undefined): Cell => (x === undefined ? '' : Math.round(x * 1000) / 10);
const yesNo = (x: boolean | null): Cell => (x === null ? '' : x ? 'yes' : 'no');

export function exportCsv(data: RoomExport): string {
  const quarters = data.room.scenario.quarters;
  const hasMoneyColumns = data.players.some((p) => p.money !== null);
  const unit = data.currency ?? 'in thousands';
  const header = [
    'player',
    'name',
    'joined (UTC)',
    'decisions',
    ...Array.from({ length: quarters }, (_, i) => `q${i + 1}`),
    'finished',
    'score',
    'fair score (percentile)',
    'pass mark',
    'passed',
    ...OUTCOMES.map((o) => OUTCOME_COLUMNS[o]),
    ...(hasMoneyColumns
      ? [`revenue, last quarter (${unit})`, `profit, last quarter (${unit})`]
      : []),
  ];
  const whole = (x: number) => (data.currency ? Math.round(x) : Math.round(x / 1000));
  const rows = data.players.map((p) => [
    p.id,
    p.name,
    utcDateTime(p.joinedAt),
    p.choices.length,
    ...Array.from({ length: quarters }, (_, i) => p.choices[i] ?? ''),
    yesNo(p.finished),
    p.score,
    p.fairScore,
    p.passed === null ? '' : data.passMark,
    yesNo(p.passed),
    // a game still under way has no results yet: its figures so far would read like them
    ...OUTCOMES.map((o) => (p.finished ? percent(p.outcomes?.[o]) : '')),
    ...(hasMoneyColumns
      ? [
          p.money && p.finished ? whole(p.money.revenue) : '',
          p.money && p.finished ? whole(p.money.profit) : '',
        ]
      : []),
  ]);
  return toCsv(header, rows);
}
