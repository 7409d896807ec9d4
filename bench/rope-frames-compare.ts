import { type ChildProcess, spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import {
  describeSummary,
  FRAME_SIZES,
  type QuarterFrames,
  quarterFrames,
  summarise,
} from './rope-frames.ts';

// The rope view's cost per frame in several builds of the site, alternating between them
// in one browser so that all meet the same load (this machine's load moves figures by
// tens of per cent from one minute to the next):
//
//   node scripts/cli.mjs bench/rope-frames-compare.ts before=/tmp/dist-a after=dist [--runs 3]
//
// Each build (made with `DIST_DIR=<folder> npx vite build` at its commit) is served by
// vite preview on a port of its own from BENCH_PORT (4395) up.

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args[at + 1]) : 3;
const builds = args
  .filter((a, i) => a.includes('=') && args[i - 1] !== '--runs')
  .map((a, i) => {
    const [name, dir] = a.split('=') as [string, string];
    return { name, dir, port: Number(process.env.BENCH_PORT ?? 4395) + i };
  });
if (builds.length === 0) throw new Error('name=folder for each build to compare');

async function serve(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { env: { ...process.env, DIST_DIR: dir }, stdio: 'ignore', detached: true },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview of ${dir} did not answer on port ${port}`);
}

const servers = await Promise.all(builds.map((b) => serve(b.dir, b.port)));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
const quarters = new Map<string, QuarterFrames[]>();
const line = (label: string, q: readonly QuarterFrames[]) => {
  const s = summarise(q);
  const d = describeSummary(s);
  return `${label}: ${s.frames} frames; between frames ${d.interval}; step ${d.step}; paint ${d.paint}; script ${d.script}`;
};
try {
  for (let run = 0; run < RUNS; run++) {
    for (const size of FRAME_SIZES) {
      // every other run the other way round, so no build always goes first
      for (const b of run % 2 ? [...builds].reverse() : builds) {
        const q = await quarterFrames(browser, `http://127.0.0.1:${b.port}/`, size);
        const key = `${b.name}, ${size.name}`;
        quarters.set(key, [...(quarters.get(key) ?? []), ...q]);
        console.log(line(`run ${run + 1}, ${key}`, q));
      }
    }
  }
  console.log(`\nall ${RUNS} runs (mean / p95 / worst):`);
  for (const [key, q] of quarters) console.log(line(key, q));
} finally {
  await browser.close();
  for (const s of servers) if (s.pid) process.kill(-s.pid);
}
