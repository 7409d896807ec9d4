import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type { ScenarioIssueDto, scenarioSourceSchema } from '../../room/protocol.ts';
import { loadBundledScenarios } from '../../scenario/bundled.ts';
import { formatIssue, type ScenarioIssue } from '../../scenario/errors.ts';
import { loadScenario } from '../../scenario/load.ts';
import { type ScenarioDef, underModel } from '../../sim/index.ts';
import type { Queryable } from '../db/database.ts';
import { RoomError } from '../errors.ts';

type ScenarioSource = z.infer<typeof scenarioSourceSchema>;

// Where a room's scenario comes from: a bundled one by id, or a facilitator's file checked by
// the same loader, with the same messages and positions, as `npm run scenario:check`. Either
// way the room stores the file's text and replays from it, so a room keeps playing the very
// scenario it was made with.

export interface RoomScenario {
  scenario: ScenarioDef;
  hash: string;
  text: string;
  file: string;
  source: 'bundled' | 'upload';
  warnings: ScenarioIssueDto[];
}

const toDto = (i: ScenarioIssue): ScenarioIssueDto => ({ ...i, text: formatIssue(i) });

let bundled: Map<string, RoomScenario> | null = null;

function bundledScenarios(): Map<string, RoomScenario> {
  bundled ??= new Map(
    loadBundledScenarios().map(({ scenario, hash, file }) => [
      scenario.id,
      {
        scenario,
        hash,
        text: readFileSync(file, 'utf8'),
        file: `${scenario.id}.yaml`,
        source: 'bundled' as const,
        warnings: [],
      },
    ]),
  );
  return bundled;
}

export function bundledScenario(id: string): RoomScenario {
  const found = bundledScenarios().get(id);
  if (!found) {
    const known = [...bundledScenarios().keys()].join(', ');
    throw new RoomError('no_scenario', `no bundled scenario "${id}"; the bundled ones: ${known}`);
  }
  return found;
}

/** The scenario a room or an assignment asks for: a bundled one, or a file checked here. */
export function requestedScenario(source: ScenarioSource): RoomScenario {
  return source.kind === 'bundled'
    ? bundledScenario(source.id)
    : uploadedScenario(source.text, source.fileName);
}

/** A facilitator's file, YAML or JSON (JSON is YAML too), checked as scenario:check checks it. */
export function uploadedScenario(text: string, file = 'scenario.yaml'): RoomScenario {
  const result = loadScenario(text, file);
  if (!result.ok) {
    const issues = result.issues.map(toDto);
    const count = issues.length === 1 ? '1 error' : `${issues.length} errors`;
    throw new RoomError(
      'scenario_invalid',
      `the scenario has ${count}; the first: ${issues[0]?.text ?? ''}`,
      issues,
    );
  }
  return {
    scenario: result.scenario,
    hash: result.hash,
    text,
    file,
    source: 'upload',
    warnings: result.warnings.map(toDto),
  };
}

// The scenarios of rooms in play, parsed once per process: a room's scenario never changes,
// so this is a cache of what the database holds, never the only copy. Room reads leave the
// scenario's text out (tens of kilobytes on every decision); it is read here on a miss.
const LOADED_LIMIT = 1000;
const loaded = new Map<string, ScenarioDef>();

export function rememberScenario(roomId: string, scenario: ScenarioDef): void {
  if (loaded.size >= LOADED_LIMIT) loaded.delete(loaded.keys().next().value as string);
  loaded.set(roomId, scenario);
}

/**
 * The scenario a stored room (or assignment: `table`) plays, parsed from its stored text;
 * a room opened under an earlier model this version replays (`model`) plays on by its rules.
 */
export async function scenarioOfRoom(
  q: Queryable,
  room: { id: string; scenario_file: string; scenario_hash: string; model?: number | null },
  table: 'rooms' | 'assignments' = 'rooms',
): Promise<ScenarioDef> {
  const scenario = await storedScenario(q, room, table);
  return room.model == null ? scenario : underModel(scenario, room.model);
}

async function storedScenario(
  q: Queryable,
  room: { id: string; scenario_file: string; scenario_hash: string },
  table: 'rooms' | 'assignments',
): Promise<ScenarioDef> {
  const hit = loaded.get(room.id);
  if (hit) return hit;
  const rows = await q.query<{ text: string }>(
    `SELECT scenario_text AS text FROM ${table} WHERE id = $1`,
    [room.id],
  );
  const result = rows[0] ? loadScenario(rows[0].text, room.scenario_file) : null;
  if (!result?.ok || result.hash !== room.scenario_hash) {
    throw new RoomError(
      'internal',
      `${table === 'rooms' ? 'room' : 'assignment'} ${room.id}: its stored scenario no longer loads`,
    );
  }
  rememberScenario(room.id, result.scenario);
  return result.scenario;
}
