// Contacts held as bit sets: department i of the scenario's `customer.departments` is bit i
// of an integer (the schema allows at most 12 departments, well inside 31 bits). The census
// counts and joins contacts at every step, and an integer does that with no lists to build
// or search: counting is a popcount, joining is |, "holds" is &. Names are worked out only
// where a person reads them (contactNames).

import { SimError } from './prepared.ts';

/** The number of departments in a contact set. */
export function contactCount(mask: number): number {
  // the classic SWAR popcount: plain integer arithmetic, the same in every engine
  let v = mask - ((mask >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** The bit set of these department names; an unknown name is an error, not a lost contact. */
export function contactMask(
  departmentBits: ReadonlyMap<string, number>,
  names: readonly string[] | undefined,
): number {
  let mask = 0;
  for (const name of names ?? []) {
    const bit = departmentBits.get(name);
    if (bit === undefined) throw new SimError(`"${name}" is not one of the customer's departments`);
    mask |= bit;
  }
  return mask;
}

/** The department names in a contact set, in the scenario's order: for whatever people read. */
export function contactNames(departments: readonly string[], mask: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < departments.length; i++) if (mask & (1 << i)) names.push(departments[i]!);
  return names;
}
