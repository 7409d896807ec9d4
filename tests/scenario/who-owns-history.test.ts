import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import {
  choiceShownIn,
  initialState,
  type SimState,
  situationById,
  situationTextNow,
  step,
} from '../../src/sim/index.ts';

// The cards of "Whose customer is it?" follow what the manager did: once the team has laid
// Sara's contacts out in a meeting, no later card may say they all live in her phone (a
// trainee reviewer found the lunch card saying so right after the meeting).

const { scenario } = loadScenarioFile(`${SCENARIO_DIR}/who-owns.yaml`);

/** Plays the replies from the start, then returns the state with the next card waiting. */
function playedThrough(replies: string[], seed = '758801'): SimState {
  let state = initialState(scenario, seed);
  for (const r of replies) state = step(scenario, state, r, { trace: false });
  return state;
}

/** The first reply of the situation waiting in `state`. */
const firstReply = (state: SimState) => situationById(scenario, state.situationId!).choices[0]!.id;

describe('who-owns: the cards after the Monday meeting', () => {
  const met = ['team-meeting', 'push-down'];
  // the third card comes before the lunch; any reply there will do
  const third = playedThrough(met);
  const atLunch = playedThrough([...met, firstReply(third)]);

  it('the lunch card says the account plan holds the managers and Sara the surgeons', () => {
    expect(atLunch.situationId).toBe('rumour');
    const text = situationTextNow(scenario, atLunch)!;
    expect(text).not.toContain("in Sara's phone");
    expect(text).toContain('Monday meeting');
    // without the meeting the card still says where the contacts are
    const left = playedThrough([
      'leave-sara',
      'push-down',
      firstReply(playedThrough(['leave-sara', 'push-down'])),
    ]);
    expect(situationTextNow(scenario, left)).toContain("in Sara's phone");
  });

  it("the lunch's quiet talk no longer speaks of every name in her phone", () => {
    const talked = playedThrough([...met, firstReply(third), 'talk-sara']);
    const coach = choiceShownIn(scenario, talked, 4, 'talk-sara')?.coach;
    expect(coach).toContain('surgeons who know only her');
    expect(coach).not.toContain('every name in her phone');
  });

  it("marketing's request knows the CRM holds names after the meeting", () => {
    const talked = playedThrough([...met, firstReply(third), 'talk-sara']);
    expect(talked.situationId).toBe('customer-data');
    expect(situationTextNow(scenario, talked)).toContain('CRM now holds names');
  });
});
