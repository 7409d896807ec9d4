import { describe, expect, it } from 'vitest';
import {
  makeRecord,
  replay,
  type SessionRecord,
  sameModel,
  verify,
} from '../../src/record/record.ts';
import { GAME_VERSION, RECORD_VERSION } from '../../src/record/version.ts';
import { MODEL_VERSION, playChoices, score } from '../../src/sim/index.ts';
import { shelf, tutorial, tutorialBundle } from './scenarios.ts';

const HASH = tutorialBundle.hash;
const played = playChoices(tutorial, 'ws-3', [
  'depot-visit',
  'workshop',
  'free-pilot',
  'match-now',
]);
const genuine = makeRecord(tutorial, HASH, played, {
  player: 'anna',
  session: 'berlin',
  attempt: 1,
});
const known = shelf(tutorialBundle);

function reasonFor(edit: Partial<SessionRecord>): string {
  const verdict = verify({ ...genuine, ...edit }, known);
  expect(verdict.genuine).toBe(false);
  return verdict.genuine ? '' : verdict.reason;
}

describe('session records', () => {
  it('holds what was played and who played it', () => {
    expect(genuine).toEqual({
      v: RECORD_VERSION,
      game: GAME_VERSION,
      model: MODEL_VERSION,
      scenario: 'tutorial',
      hash: HASH,
      seed: 'ws-3',
      choices: ['depot-visit', 'workshop', 'free-pilot', 'match-now'],
      player: 'anna',
      session: 'berlin',
      attempt: 1,
      score: score(tutorial.rubric, played),
    });
  });

  it('replays to every quarter and the score of the game', () => {
    const r = replay(tutorial, genuine);
    expect(r.finished).toBe(true);
    expect(r.state.history).toEqual(played.history);
    expect(r.score).toBe(genuine.score);
    const verdict = verify(genuine, known);
    expect(verdict.genuine).toBe(true);
  });

  it('leaves the score out of an unfinished game, and verify says it is unfinished', () => {
    const half = makeRecord(tutorial, HASH, playChoices(tutorial, 'ws-3', ['maya-leads']));
    expect(half.score).toBeUndefined();
    expect(verify(half, known)).toEqual({
      genuine: false,
      reason: 'the game is unfinished (1 of 4 quarters)',
    });
  });

  it('catches an edited score', () => {
    expect(reasonFor({ score: genuine.score! + 1 })).toMatch(
      /claims score \d+, but its choices replay to \d+/,
    );
  });

  it('catches edited choices: another option, a made-up id, one too many', () => {
    // a different line that replays to another score than the one claimed
    const other = ['maya-leads', 'let-them', 'ask-trial', 'ignore'];
    expect(score(tutorial.rubric, playChoices(tutorial, 'ws-3', other))).not.toBe(genuine.score);
    expect(reasonFor({ choices: other })).toMatch(/claims score/);
    expect(reasonFor({ choices: ['depot-visit', 'bribe', 'free-pilot', 'match-now'] })).toMatch(
      /do not replay: .*no choice "bribe"/,
    );
    expect(reasonFor({ choices: [...genuine.choices, 'match-now'] })).toMatch(/game is over/);
  });

  it('catches an edited seed through the score it replays to', () => {
    const seeds = Array.from({ length: 40 }, (_, i) => String(i + 1)).filter(
      (s) => score(tutorial.rubric, playChoices(tutorial, s, genuine.choices)) !== genuine.score,
    );
    expect(reasonFor({ seed: seeds[0]! })).toMatch(/claims score/);
  });

  it('catches another scenario hash, game version, format version or scenario', () => {
    expect(reasonFor({ hash: '0000000000000000' })).toMatch(/neither that edition/);
    expect(reasonFor({ game: '9.0.0' })).toMatch(/played on game version 9\.0\.0/);
    expect(reasonFor({ v: RECORD_VERSION + 1 })).toMatch(/newer than this game/);
    expect(reasonFor({ scenario: 'nowhere' })).toBe('unknown scenario "nowhere"');
  });

  it('treats 0.x minor releases as different models, patches as the same', () => {
    expect(sameModel('0.1.0', '0.1.7')).toBe(true);
    expect(sameModel('0.1.0', '0.2.0')).toBe(false);
    expect(sameModel('1.2.0', '1.9.3')).toBe(true);
    expect(sameModel('1.2.0', '2.0.0')).toBe(false);
  });
});
