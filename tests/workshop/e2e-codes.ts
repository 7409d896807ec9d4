import { readFileSync } from 'node:fs';
import { linkUrl, type WorkshopLink } from '../../src/links/links.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import {
  type ChoiceDef,
  draw,
  nextSituationId,
  playChoices,
  type ScenarioDef,
  type SituationDef,
  seedRng,
  situationById,
} from '../../src/sim/index.ts';

// Trainees for the browser tests, made with the record API in Node: their result codes
// are exactly what the game hands out at the end of a workshop game.

export function bundled(id: string): { scenario: ScenarioDef; hash: string; yaml: string } {
  const yaml = readFileSync(new URL(`../../scenarios/${id}.yaml`, import.meta.url), 'utf8');
  const r = loadScenario(yaml, `${id}.yaml`);
  if (!r.ok) throw new Error(`${id} does not load`);
  return { scenario: r.scenario, hash: r.hash, yaml };
}

export function workshopUrl(base: string, link: Omit<WorkshopLink, 'kind'>): string {
  return linkUrl(base, { kind: 'workshop', ...link });
}

/** Always the first choice of `style` (or the first choice) at every situation met. */
function walk(scenario: ScenarioDef, pick: (s: SituationDef, i: number) => ChoiceDef): string[] {
  const out: string[] = [];
  let id: string | null = scenario.situations[0]?.id ?? null;
  while (id !== null) {
    const s = situationById(scenario, id);
    const c = pick(s, out.length);
    out.push(c.id);
    id = nextSituationId(scenario, s, c);
  }
  return out;
}

export function styleChoices(scenario: ScenarioDef, style: string, flipFirst = false): string[] {
  return walk(scenario, (s, i) => {
    const pick = s.choices.find((c) => c.style === style) ?? s.choices[0]!;
    return flipFirst && i === 0 ? (s.choices.find((c) => c.id !== pick.id) ?? pick) : pick;
  });
}

export function randomChoices(scenario: ScenarioDef, seed: string): string[] {
  let rng = seedRng(`e2e|${seed}`);
  return walk(scenario, (s) => {
    const { values, next } = draw(rng, 1);
    rng = next;
    return s.choices[Math.floor(values[0]! * s.choices.length)]!;
  });
}

export function trainee(
  bundle: { scenario: ScenarioDef; hash: string },
  opts: { player: string; session: string; seed: string; choices: string[] },
): { code: string; score: number; choices: string[] } {
  const state = playChoices(bundle.scenario, opts.seed, opts.choices);
  const record = makeRecord(bundle.scenario, bundle.hash, state, {
    player: opts.player,
    session: opts.session,
  });
  return {
    code: encodeRecord(record, bundle.scenario),
    score: record.score ?? -1,
    choices: opts.choices,
  };
}

/** The result file the game offers for download, as text. */
export function traineeFile(
  bundle: { scenario: ScenarioDef; hash: string },
  opts: { player: string; session: string; seed: string; choices: string[] },
): string {
  const state = playChoices(bundle.scenario, opts.seed, opts.choices);
  const record = makeRecord(bundle.scenario, bundle.hash, state, {
    player: opts.player,
    session: opts.session,
  });
  return JSON.stringify(resultFile(record, bundle.scenario), null, 2);
}
