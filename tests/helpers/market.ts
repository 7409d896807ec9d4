import {
  type Acts,
  type ChoiceDef,
  type CompetitorDef,
  type CustomerDef,
  DEFAULT_PARAMS,
  type EventDef,
  type MemberDef,
  type ModelParams,
  type Outcome,
  type ScenarioDef,
  type SituationDef,
} from '../../src/sim/index.ts';

// Small markets built inside a test, so that a claim about the model does not hang on a
// bundled scenario's tuned numbers or choice ids. Everything not given is a plain default:
// one rival, a customer in the middle, the model's default parameters.

export const DEPARTMENTS = ['purchasing', 'engineering', 'operations', 'finance'];

export function rep(
  id: string,
  skill: number,
  morale: number,
  angle = 0,
  contacts: string[] = [],
): MemberDef {
  return { id, name: id, kind: 'rep', skill, effort: 1, morale, angle, contacts };
}

/** A reply that does only what its acts say; `hold` does nothing at all. */
export function reply(id: string, acts: Acts, style = 'collaborative'): ChoiceDef {
  return { id, label: id, style, acts };
}

export const HOLD: ChoiceDef = { id: 'hold', label: 'hold', style: 'collaborative' };

export interface MarketSpec {
  id?: string;
  team?: MemberDef[];
  customer?: Partial<CustomerDef>;
  competitors?: CompetitorDef[];
  /** the situations in order; or give `replies` and `quarters` for the same one each quarter */
  situations?: SituationDef[];
  replies?: ChoiceDef[];
  quarters?: number;
  /** time pressure of every generated situation */
  pressure?: number;
  kind?: SituationDef['kind'];
  events?: EventDef[];
  params?: Partial<ModelParams>;
  weights?: Partial<Record<Outcome, number>>;
  styles?: string[];
}

export function market(spec: MarketSpec): ScenarioDef {
  const quarters = spec.situations?.length ?? spec.quarters ?? 1;
  const situations =
    spec.situations ??
    Array.from({ length: quarters }, (_, i) => ({
      id: `q${i + 1}`,
      title: `Quarter ${i + 1}`,
      text: 'A decision.',
      ...(spec.kind ? { kind: spec.kind } : {}),
      ...(spec.pressure !== undefined ? { pressure: spec.pressure } : {}),
      choices: spec.replies ?? [HOLD],
    }));
  return {
    schemaVersion: '1.0',
    id: spec.id ?? 'test-market',
    title: 'A test market',
    summary: 'Built inside a test.',
    goals: ['none'],
    quarters,
    styles: spec.styles ?? ['directive', 'collaborative'],
    team: spec.team ?? [rep('ann', 0.8, 0.8, -10), rep('bo', 0.8, 0.8, 10), rep('cy', 0.8, 0.8)],
    competitors: spec.competitors ?? [{ id: 'rival', name: 'Rival', strength: 1, alignment: 0.8 }],
    customer: {
      name: 'Customer',
      trust: 0.5,
      position: 0,
      home: 0,
      departments: DEPARTMENTS,
      marketSize: 1000,
      ...spec.customer,
    },
    params: { ...DEFAULT_PARAMS, ...spec.params },
    situations,
    events: spec.events ?? [],
    rubric: { weights: spec.weights ?? { share: 1 }, passMark: 50, grading: 'percentile' },
    debrief: { summary: 'none' },
  };
}
