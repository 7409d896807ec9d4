import { describe, expect, it } from 'vitest';
import { loadScenarioFile, SCENARIO_DIR } from '../../src/scenario/bundled.ts';
import { situationById } from '../../src/sim/index.ts';
import { roomGames } from '../../src/workshop/room/games.ts';
import { quarterSlides } from '../../src/workshop/room/slides-data.ts';
import { player } from './room-player.ts';

// A situation's card follows each player's history (its `alternatives`), so players in one
// room can read different texts for the same situation: the projector's slide shows the one
// most of the room read.

const { scenario } = loadScenarioFile(`${SCENARIO_DIR}who-owns.yaml`);
const SEED = 'slides';

describe("the quarter slide's situation text", () => {
  it('is the text most of the room read', () => {
    const rest = ['pick-one', 'specialist', 'talk-sara'];
    const slidesFor = (firsts: string[]) =>
      quarterSlides(
        scenario,
        SEED,
        roomGames(
          scenario,
          'h',
          SEED,
          firsts.map((first, i) => player(`p${i}`, [first, ...rest])),
        ),
      );
    const lunch = situationById(scenario, 'rumour');
    const shared = lunch.alternatives!.find((a) => a.after?.includes('account-team'))!.text;
    const mostShared = slidesFor(['account-team', 'account-team', 'leave-sara'])[3]!;
    expect(mostShared.situation?.title).toBe(lunch.title);
    expect(mostShared.situation?.text).toBe(shared);
    const mostAlone = slidesFor(['account-team', 'leave-sara', 'leave-sara'])[3]!;
    expect(mostAlone.situation?.text).toBe(lunch.text);
  });
});
