import { nextSituationId, type ScenarioDef, situationById } from '../sim/index.ts';

// Choices packed against their scenario: each decision is its option's position among
// that situation's options, and the whole list is one number in mixed radix (a game of
// twelve three-option decisions fits in three bytes). Only a reader who has the same
// scenario can unpack it, which a verifier needs anyway.

/** The positions of the choices, or null when one does not fit the scenario. */
export function choicesToNumber(scenario: ScenarioDef, choices: readonly string[]): bigint | null {
  let id: string | null = scenario.situations[0]?.id ?? null;
  let value = 0n;
  let scale = 1n;
  for (const choiceId of choices) {
    if (id === null) return null;
    const s = scenario.situations.find((x) => x.id === id);
    if (!s) return null;
    const at = s.choices.findIndex((c) => c.id === choiceId);
    if (at < 0) return null;
    value += BigInt(at) * scale;
    scale *= BigInt(s.choices.length);
    id = nextSituationId(scenario, s, s.choices[at]!);
  }
  return value;
}

export function numberToChoices(scenario: ScenarioDef, count: number, packed: bigint): string[] {
  const out: string[] = [];
  let id: string | null = scenario.situations[0]?.id ?? null;
  let rest = packed;
  for (let i = 0; i < count; i++) {
    if (id === null) throw new RangeError('more decisions than the scenario has');
    const s = situationById(scenario, id);
    const n = BigInt(s.choices.length);
    const c = s.choices[Number(rest % n)]!;
    rest /= n;
    out.push(c.id);
    id = nextSituationId(scenario, s, c);
  }
  if (rest !== 0n) throw new RangeError('the decisions do not fit the scenario');
  return out;
}

export function bigintToBytes(n: bigint): Uint8Array {
  const out: number[] = [];
  for (let v = n; v > 0n; v >>= 8n) out.push(Number(v & 0xffn));
  return Uint8Array.from(out);
}

export function bytesToBigint(b: Uint8Array): bigint {
  let n = 0n;
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!);
  return n;
}
