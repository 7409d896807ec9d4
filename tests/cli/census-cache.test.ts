import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type KeptMarket, keptCensuses, openCensusCache } from '../../src/cli/census-cache.ts';
import { issueLinks, linksCsv } from '../../src/hr/assignment.ts';
import { traineeSeed } from '../../src/hr/binding.ts';
import { encodeRecord } from '../../src/record/code.ts';
import { makeRecord } from '../../src/record/record.ts';
import { loadBundledScenarios } from '../../src/scenario/bundled.ts';
import { census, MODEL_VERSION, playPolicy, underModel } from '../../src/sim/index.ts';
import { marketKey } from '../../src/workers/fair-score.ts';
import { tempDir } from '../helpers/temp.ts';

const tutorial = loadBundledScenarios().find((b) => b.scenario.id === 'tutorial')!;
const SIM_SOURCE = new URL('../../src/sim/', import.meta.url).pathname;
const temp = tempDir;

function market(seed: string): KeptMarket {
  const hash = tutorial.hash;
  return { key: marketKey(hash, seed), hash, scenario: tutorial.scenario, seed };
}

/** The one scenario file the cache keeps under `dir`, and its path. */
function keptFile(dir: string): string {
  const [model] = readdirSync(dir);
  const [file] = readdirSync(join(dir, model!));
  return join(dir, model!, file!);
}

describe('the census cache', () => {
  it('gives back what it kept, to the last figure, in a later run', async () => {
    const dir = temp('cache');
    const markets = ['a', 'b', '__proto__'].map(market);
    const first = await keptCensuses(markets, openCensusCache(dir));
    expect(first.worked).toBe(3);
    const again = await keptCensuses(markets, openCensusCache(dir));
    expect(again.worked).toBe(0);
    for (const m of markets) {
      expect(again.censuses.get(m.key)).toEqual(census(tutorial.scenario, m.seed));
    }
  });

  // a market whose census fails, third in the list, after the first two are worked out:
  // its scenario can be counted, but the model fails when it sets up the customer
  const failing = { ...tutorial.scenario };
  Object.defineProperty(failing, 'customer', {
    get() {
      throw new Error('the model cannot play this market');
    },
  });

  it.each([
    [0, [1, 1]], // kept one at a time
    [60_000, [2]], // kept when the failure stops the run
  ])(
    'keeps censuses as they come (every %i ms), and those finished when a later one fails',
    async (keepEvery, expected) => {
      const dir = temp('cache');
      const batches: number[] = [];
      const cache = openCensusCache(dir);
      const keep = cache.keep.bind(cache);
      cache.keep = (markets, found) => {
        batches.push(markets.length);
        return keep(markets, found);
      };
      const heard: string[] = [];
      const run = keptCensuses(
        [market('a'), market('b'), { ...market('c'), scenario: failing }],
        cache,
        {
          keepEvery,
          onEach: (done, missing) => heard.push(`${done} of ${missing}`),
        },
      );
      await expect(run).rejects.toThrow('the model cannot play this market');
      expect(heard).toEqual(['1 of 3', '2 of 3']);
      expect(batches).toEqual(expected);
      const later = await keptCensuses([market('a'), market('b')], openCensusCache(dir));
      expect(later.worked).toBe(0);
      expect(later.censuses.get(market('b').key)).toEqual(census(tutorial.scenario, 'b'));
    },
  );

  it('works out again what is damaged, and says which file', async () => {
    const dir = temp('cache');
    await keptCensuses([market('a'), market('b')], openCensusCache(dir));
    const file = keptFile(dir);
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    kept.censuses.a.histogram[40] += 1; // no longer adds up to its count
    writeFileSync(file, JSON.stringify(kept));
    const cache = openCensusCache(dir);
    const edited = await keptCensuses([market('a'), market('b')], cache);
    expect(edited.worked).toBe(1);
    expect(edited.censuses.get(market('a').key)).toEqual(census(tutorial.scenario, 'a'));
    expect(cache.warnings.join('\n')).toContain(`${file}: the census of seed a is damaged`);

    writeFileSync(file, '{"format": 1, "censuses": '); // cut off half-way
    const broken = openCensusCache(dir);
    expect((await keptCensuses([market('b')], broken)).worked).toBe(1);
    expect(broken.warnings).toEqual([`${file} is damaged: its censuses are worked out again`]);
    // and the file is whole again
    expect((await keptCensuses([market('b')], openCensusCache(dir))).worked).toBe(0);
  });

  it("keeps an earlier model's censuses in a file of that model, apart from this model's", async () => {
    const dir = temp('cache');
    const earlier = underModel(tutorial.scenario, 3);
    const m3: KeptMarket = {
      key: marketKey(tutorial.hash, 'a', earlier.model),
      hash: tutorial.hash,
      scenario: earlier,
      seed: 'a',
    };
    expect(m3.key).not.toBe(market('a').key);
    await keptCensuses([m3], openCensusCache(dir));
    const [folder] = readdirSync(dir);
    expect(readdirSync(join(dir, folder!))).toEqual([`${tutorial.hash}.model-3.json`]);
    const kept = JSON.parse(
      readFileSync(join(dir, folder!, `${tutorial.hash}.model-3.json`), 'utf8'),
    );
    expect(kept.model).toBe(3);
    // a later run finds model 3's census, and works out this model's afresh
    const later = await keptCensuses([m3, market('a')], openCensusCache(dir));
    expect(later.worked).toBe(1);
    expect(later.censuses.get(m3.key)).toEqual(census(earlier, 'a'));
    expect(readdirSync(join(dir, folder!)).sort()).toEqual(
      [`${tutorial.hash}.json`, `${tutorial.hash}.model-3.json`].sort(),
    );
  });

  it('names the model in what it keeps, and works out again what another model kept', async () => {
    const dir = temp('cache');
    await keptCensuses([market('a')], openCensusCache(dir));
    const file = keptFile(dir);
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    expect(kept.model).toBe(MODEL_VERSION);
    writeFileSync(file, JSON.stringify({ ...kept, model: MODEL_VERSION + 1 }));
    const cache = openCensusCache(dir);
    const found = await keptCensuses([market('a')], cache);
    expect(found.worked).toBe(1);
    expect(found.censuses.get(market('a').key)).toEqual(census(tutorial.scenario, 'a'));
    expect(cache.warnings).toEqual([
      `${file}: its censuses were worked out by model ${MODEL_VERSION + 1} of the simulation, not ${MODEL_VERSION}; they are worked out again`,
    ]);
    // and the file is this model's again
    expect(JSON.parse(readFileSync(file, 'utf8')).model).toBe(MODEL_VERSION);
    expect((await keptCensuses([market('a')], openCensusCache(dir))).worked).toBe(0);
  });

  it('goes on without when it cannot write, and says so', async () => {
    const blocked = join(temp('cache'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const cache = openCensusCache(blocked);
    const { censuses, worked } = await keptCensuses([market('a')], cache);
    expect(worked).toBe(1);
    expect(censuses.get(market('a').key)).toEqual(census(tutorial.scenario, 'a'));
    expect(cache.warnings[0]).toMatch(/could not keep the censuses in .*a-file/);
  });

  it.runIf(process.platform === 'linux')(
    'gives up at once on a folder that cannot be made, even under /proc',
    async () => {
      // Node's recursive mkdirSync spins for ever on such a path
      const cache = openCensusCache('/proc/tow-no-such-folder/cache');
      expect((await keptCensuses([market('a')], cache)).worked).toBe(1);
      expect(cache.warnings[0]).toMatch(/could not keep the censuses in \/proc\/tow-no-such/);
    },
  );

  it('never reads what an edited model worked out, and drops only its own old folders', async () => {
    const dir = temp('cache');
    const model = join(temp('model'), 'sim');
    cpSync(SIM_SOURCE, model, { recursive: true });
    await keptCensuses([market('a')], openCensusCache(dir, model));
    expect((await keptCensuses([market('a')], openCensusCache(dir, model))).worked).toBe(0);
    // someone else's things in a shared folder
    mkdirSync(join(dir, 'model-notes'));
    writeFileSync(join(dir, 'model-0123456789abcdef'), 'a file, not ours');

    appendFileSync(join(model, 'params.ts'), '\n// a tuned parameter\n');
    const edited = openCensusCache(dir, model);
    expect((await keptCensuses([market('a')], edited)).worked).toBe(1);
    const left = readdirSync(dir).sort();
    expect(left.filter((f) => /^model-[0-9a-f]{16}$/.test(f))).toHaveLength(2); // new + the file
    expect(left).toContain('model-notes');
    expect(left).toContain('model-0123456789abcdef');
  });

  it('keeps what two runs at once worked out', async () => {
    const dir = temp('cache');
    const one = openCensusCache(dir);
    const two = openCensusCache(dir);
    one.lookup([market('a')]);
    two.lookup([market('b')]);
    await keptCensuses([market('a')], one);
    await keptCensuses([market('b')], two);
    const later = await keptCensuses([market('a'), market('b')], openCensusCache(dir));
    expect(later.worked).toBe(0);
  });
});

function verify(args: string[], cacheDir: string) {
  const out = spawnSync(process.execPath, ['scripts/cli.mjs', 'src/cli/verify.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, TOW_CACHE_DIR: cacheDir },
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe('npm run verify with the census cache', () => {
  const trainees = ['ana', 'ben', 'cleo', 'dev'];
  const settings = {
    session: 'acme-q4',
    scenario: 'tutorial',
    seed: 's9',
    perTrainee: true,
    passMark: 40,
    attempts: 2,
  };

  function cohort(): { dir: string; codes: string; links: string } {
    const dir = temp('verify');
    const codes = join(dir, 'codes.txt');
    const links = join(dir, 'links.csv');
    writeFileSync(links, linksCsv(issueLinks(settings, trainees, 'https://x/')));
    const lines = trainees.map((t) => {
      const seed = traineeSeed(settings.session, settings.seed, t);
      const { state } = playPolicy(tutorial.scenario, seed, 'random');
      const rec = makeRecord(tutorial.scenario, tutorial.hash, state, {
        player: t,
        session: settings.session,
        attempt: 1,
      });
      return `${t}: ${encodeRecord(rec, tutorial.scenario)}`;
    });
    writeFileSync(codes, lines.join('\n'));
    return { dir, codes, links };
  }

  const grades = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('genuine'));

  it('prepares every trainee market from the links, so verifying later plays no census', () => {
    const { codes, links } = cohort();
    const cacheDir = temp('cache');
    const fresh = verify([codes, '--links', links, '--no-cache'], temp('unused'));
    expect(fresh.code, fresh.stderr).toBe(0);

    const prepared = verify(['--prepare', '--links', links], cacheDir);
    expect(prepared.code, prepared.stderr).toBe(0);
    expect(prepared.stdout).toMatch(
      /^4 markets of 4 trainees ready in .*tow-cache-\w+: 4 worked out, 0 already kept/,
    );

    const later = verify([codes, '--links', links], cacheDir);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toMatch(/4 markets \(4 censuses kept from earlier runs\)/);
    expect(grades(later.stdout)).toEqual(grades(fresh.stdout));
    expect(grades(later.stdout)).toHaveLength(4);

    const again = verify(['--prepare', '--links', links], cacheDir);
    expect(again.stdout).toMatch(/ready in .*: 0 worked out, 4 already kept/);
  });

  it('grades the same with a damaged cache, warns, and mends it', () => {
    const { codes } = cohort();
    const cacheDir = temp('cache');
    const first = verify([codes], cacheDir);
    expect(first.stdout).toMatch(/censuses worked out and kept/);
    const file = keptFile(cacheDir);
    writeFileSync(file, 'garbage');
    const damaged = verify([codes], cacheDir);
    expect(damaged.code).toBe(0);
    expect(damaged.stderr).toContain(`warning: ${file} is damaged`);
    expect(grades(damaged.stdout)).toEqual(grades(first.stdout));
    expect(verify([codes], cacheDir).stdout).toMatch(/4 censuses kept from earlier runs/);
  });

  it('keeps nothing with --no-cache, and --prepare asks for the links', () => {
    const { codes } = cohort();
    const cacheDir = temp('cache');
    const r = verify([codes, '--no-cache'], cacheDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(no census cache\)/);
    expect(readdirSync(cacheDir)).toEqual([]);
    const bad = verify(['--prepare'], cacheDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--prepare works out the markets of a links file: give --links/);
  });

  it('--prepare fails, saying so, when it cannot keep what it worked out', () => {
    const { links } = cohort();
    const blocked = join(temp('cache'), 'a-file');
    writeFileSync(blocked, 'not a folder');
    const r = verify(['--prepare', '--links', links], blocked);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/warning: could not keep the censuses in .*a-file for later runs/);
    expect(r.stderr).toMatch(/error: nothing was prepared/);
    expect(r.stdout).not.toMatch(/ready/);
  });
});
