import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord } from '../../src/record/code.ts';
import { editionKey } from '../../src/record/edition.ts';
import { makeRecord, verify } from '../../src/record/record.ts';
import { resultFile } from '../../src/record/result-file.ts';
import {
  bundledScenarioLookup,
  EDITIONS_DIR,
  loadBundledScenarios,
  loadEarlierEditions,
  SCENARIO_DIR,
} from '../../src/scenario/bundled.ts';
import { playPolicy, score } from '../../src/sim/index.ts';
import { tempDir } from '../helpers/temp.ts';

// A shipped scenario's text changes between releases, and its hash with it. A trainee who
// played before the update hands in a result naming the earlier hash; HR checks it after.
// The game keeps the editions it shipped, so that result is replayed on the scenario it
// was played on, not called "not genuine".

const current = new Map(loadBundledScenarios().map((b) => [b.scenario.id, b]));
const editions = loadEarlierEditions();

describe('the earlier editions of the shipped scenarios', () => {
  it('are kept under their own id and hash, each of a shipped scenario and none the current one', () => {
    const files = readdirSync(join(SCENARIO_DIR, EDITIONS_DIR)).sort();
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(editions.map((e) => `${editionKey(e.scenario.id, e.hash)}.yaml`).sort());
    for (const e of editions) {
      expect(current.has(e.scenario.id), e.scenario.id).toBe(true);
      expect(e.hash, e.scenario.id).not.toBe(current.get(e.scenario.id)!.hash);
    }
  });

  const lookup = bundledScenarioLookup();
  for (const e of editions) {
    it(`replays a graded result played on ${editionKey(e.scenario.id, e.hash)}`, () => {
      const { state } = playPolicy(e.scenario, 'edition-1', 'random');
      const record = makeRecord(e.scenario, e.hash, state, {
        player: 'ana@acme.example',
        session: 'acme-q3',
        attempt: 1,
      });
      const decoded = decodeRecord(encodeRecord(record, e.scenario), lookup);
      expect(decoded.ok && decoded.record.choices).toEqual(record.choices);
      const verdict = verify(record, lookup);
      expect(verdict.genuine).toBe(true);
      if (verdict.genuine) expect(verdict.replay.score).toBe(score(e.scenario.rubric, state));
    });
  }

  it('says plainly that a hash the game has no edition of was edited or needs its file', () => {
    const tutorial = current.get('tutorial')!;
    const { state } = playPolicy(tutorial.scenario, 'edition-2', 'random');
    const record = makeRecord(tutorial.scenario, '0123456789abcdef', state, {});
    const verdict = verify(record, bundledScenarioLookup());
    expect(verdict.genuine).toBe(false);
    if (!verdict.genuine) {
      expect(verdict.reason).toContain('neither that edition');
      expect(verdict.reason).toContain('--scenario');
    }
  });

  it('lets npm run verify grade a cohort whose results were played before an update', () => {
    const e = editions.find((x) => x.scenario.id === 'silos')!;
    const dir = tempDir('editions');
    for (const trainee of ['ana', 'bo']) {
      const { state } = playPolicy(e.scenario, `edition-${trainee}`, 'collaborative');
      const record = makeRecord(e.scenario, e.hash, state, {
        player: `${trainee}@acme.example`,
        session: 'acme-q3',
        attempt: 1,
      });
      writeFileSync(join(dir, `${trainee}.json`), JSON.stringify(resultFile(record, e.scenario)));
    }
    const out = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/verify.ts', dir], {
      encoding: 'utf8',
      env: { ...process.env, TOW_CACHE_DIR: tempDir('cache') },
    });
    expect(out.stdout).toContain('2 genuine');
    expect(out.stdout).not.toContain('NOT GENUINE');
  });
});
