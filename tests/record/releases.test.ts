import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../src/record/code.ts';
import { editionKey } from '../../src/record/edition.ts';
import { replay, verify } from '../../src/record/record.ts';
import {
  bundledScenarioLookup,
  EDITIONS_DIR,
  loadScenarioFile,
  SCENARIO_DIR,
} from '../../src/scenario/bundled.ts';
import { fairScoreOf, MODEL_VERSION } from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';

// Results made by the game as it was released, not by this version's code: each release's
// own code played every shipped scenario and wrote these result codes and files
// (tests/fixtures/releases/). HR checks such results long after an update, so each must still
// be genuine here, replay to the score the trainee saw, and get the fair score it showed.

interface ReleasedResult {
  code: string;
  score: number;
  fairScore: number;
  file?: { record: { scenario: string; hash: string; seed: string; choices: string[] } };
}

const DIR = new URL('../fixtures/releases/', import.meta.url).pathname;
const load = (release: string) =>
  JSON.parse(readFileSync(join(DIR, `${release}.json`), 'utf8')) as {
    release: string;
    results: ReleasedResult[];
  };

const lookup = bundledScenarioLookup();

// every release's file in the folder: landing a release adds one (docs/development.md)
const releases = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

it('keep results of every release since results carried editions', () => {
  expect(releases).toEqual(expect.arrayContaining(['b439f31', '0da0db7', 'c0a84b3']));
});

for (const release of releases) {
  const { results } = load(release);

  describe(`results played on release ${release}`, () => {
    it('are genuine, and replay to the score and fair score the trainee saw', () => {
      expect(results.length).toBeGreaterThan(20);
      for (const r of results) {
        const decoded = decodeRecord(r.code, lookup);
        expect(decoded.ok, r.code).toBe(true);
        if (!decoded.ok) continue;
        const verdict = verify(decoded.record, lookup);
        expect(verdict.genuine ? 'genuine' : verdict.reason, decoded.record.seed).toBe('genuine');
        if (!verdict.genuine) continue;
        expect(verdict.replay.score).toBe(r.score);
        // replayed, and ranked, by the rules of the model that played it
        expect(verdict.scenario.model ?? MODEL_VERSION).toBe(decoded.record.model);
        expect(fairScoreOf(verdict.scenario, verdict.replay.state).grade, decoded.record.seed).toBe(
          r.fairScore,
        );
      }
    });

    it('are genuine to npm run verify, codes pasted in a message and files alike', () => {
      const dir = tempDir(`release-${release}`);
      // codes the way an e-mail body carries them: a line of text around each
      const mail = results.map((r, i) => `Result ${i + 1}, as asked:\n${r.code}\nThanks!`);
      writeFileSync(join(dir, 'inbox.txt'), `${mail.join('\n\n')}\n`);
      const files = results.filter((r) => r.file !== undefined);
      files.forEach((r, i) => {
        writeFileSync(join(dir, `result-${i}.json`), JSON.stringify(r.file));
      });
      const out = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/verify.ts', dir], {
        encoding: 'utf8',
        env: { ...process.env, TOW_CACHE_DIR: tempDir('cache') },
      });
      expect(out.stdout).toContain(`${results.length + files.length} records`);
      expect(out.stdout).not.toContain('NOT GENUINE');
      expect(out.status).toBe(0);
    });
  });
}

describe("release b439f31's who-owns results", () => {
  it('include games that this model plays differently, so the rule they were played under is tested', () => {
    const { results } = load('b439f31');
    // the edition as its file reads, without the earlier rule asReleased gives it
    const key = 'who-owns@f277fa239fa7b59d';
    const asToday = loadScenarioFile(join(SCENARIO_DIR, EDITIONS_DIR, `${key}.yaml`)).scenario;
    let differ = 0;
    for (const r of results) {
      const decoded = decodeRecord(r.code, lookup);
      if (!decoded.ok || editionKey(decoded.record.scenario, decoded.record.hash) !== key) continue;
      if (replay(asToday, decoded.record, { trace: false }).score !== r.score) differ++;
    }
    expect(differ).toBeGreaterThan(2);
  });
});
