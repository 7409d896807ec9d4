import {
  GIVE_TRUST,
  INVOLVE_CONVERGE,
  INVOLVE_COST,
  INVOLVE_DELAY,
  PUSH_HOLD,
  PUSH_REACH,
  PUSH_RIVAL,
  TELL_FIRM,
  TELL_FORCED,
  TELL_GUIDE,
  TELL_REBOUND,
} from './params.ts';
import type { Acts } from './types.ts';

// The parts of a reply's acts (acts.ts) that depend on the reply and the situation's time
// pressure alone, not on the state it meets: worked out once per reply when a scenario is
// prepared, rather than for every member at every one of the census's million quarters,
// where they were about a fifth of its time. Each is the very expression acts.ts used to
// evaluate in place (a product of constants taken left to right, then rounded where it
// was rounded), so every result stays the same to the bit.

export interface ActAmounts {
  pressure: number;
  tell: number;
  involve: number;
  delegate: number;
  push: number;
  give: number;
  tellEffort: number;
  /** what is left of a newer person's angle off the line */
  tellKeep: number;
  tellLearn: number;
  tellNewerMorale: number;
  tellVeteranMorale: number;
  tellAutonomy: number;
  tellOutside: number;
  tellTrust: number;
  tellForced: number;
  tellRebound: number;
  involveConverge: number;
  involveVeteranMorale: number;
  involveNewerMorale: number;
  involveEffort: number;
  involveAutonomy: number;
  involveOutside: number;
  involveDelayOutside: number;
  involveDelayTrust: number;
  delegateReach: number;
  delegateTrust: number;
  delegateAutonomy: number;
  delegateVeteranMorale: number;
  delegateNewerMorale: number;
  delegateLearn: number;
  pushReach: number;
  pushHold: number;
  pushDistrust: number;
  pushGoodwill: number;
  pushRival: number;
  giveTrust: number;
  giveOutside: number;
}

export function actAmounts(acts: Acts, pressure: number): ActAmounts {
  const tell = acts.tell ?? 0;
  const involve = acts.involve ?? 0;
  const delegate = acts.delegate ?? 0;
  const push = acts.push ?? 0;
  const give = acts.give ?? 0;
  return {
    pressure,
    tell,
    involve,
    delegate,
    push,
    give,
    tellEffort: 0.15 * tell,
    tellKeep: 1 - TELL_GUIDE * tell,
    tellLearn: 0.3 * tell,
    tellNewerMorale: 0.03 * tell,
    tellVeteranMorale: -0.1 * tell,
    tellAutonomy: -0.1 * tell,
    tellOutside: TELL_FIRM * tell * pressure,
    tellTrust: 0.04 * tell * pressure,
    tellForced: TELL_FORCED * tell,
    tellRebound: TELL_REBOUND * tell,
    involveConverge: INVOLVE_CONVERGE * involve,
    involveVeteranMorale: 0.06 * involve,
    involveNewerMorale: 0.01 * involve,
    involveEffort: -0.12 * involve,
    involveAutonomy: 0.06 * involve,
    involveOutside: -INVOLVE_COST * involve,
    involveDelayOutside: -INVOLVE_DELAY * involve * pressure,
    involveDelayTrust: -0.03 * involve * pressure,
    delegateReach: 0.5 + pressure,
    delegateTrust: 0.2 * delegate,
    delegateAutonomy: 0.08 * delegate,
    delegateVeteranMorale: 0.05 * delegate,
    delegateNewerMorale: -0.05 * delegate,
    delegateLearn: 0.1 * delegate,
    pushReach: PUSH_REACH * push,
    pushHold: PUSH_HOLD * push,
    pushDistrust: 0.15 * push,
    pushGoodwill: -0.03 * push,
    pushRival: PUSH_RIVAL * push,
    giveTrust: GIVE_TRUST * give,
    giveOutside: -0.05 * give,
  };
}
