import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { loadBundledScenarios } from '../src/scenario/bundled.ts';
import { playChoices, situationById } from '../src/sim/index.ts';

// npm run bench:server — one server process (pinned to one core where taskset exists) on
// its embedded database, on loopback only; this process plays 25 rooms of 40 trainees, each
// deciding every few seconds, with each room's facilitator connected. It measures the time
// from a trainee sending a decision to the facilitator's socket receiving it, the decisions
// per second the server took, and the server's memory. Bounded: every trainee plays one
// 8-quarter game (8,000 decisions in all), and the run stops after BENCH_SECONDS whatever
// happens. Prints a markdown table for docs/benchmarks.md; exit 1 when p99 is over 50 ms.

const ROOMS = Number(process.env.BENCH_ROOMS ?? 25);
const PER_ROOM = Number(process.env.BENCH_PER_ROOM ?? 40);
const EVERY_MS = Number(process.env.BENCH_EVERY_MS ?? 4000);
const LIMIT_S = Number(process.env.BENCH_SECONDS ?? 120);
const TARGET_P99_MS = 50;

const silos = loadBundledScenarios().find((b) => b.scenario.id === 'silos')!.scenario;

function startServer(dataDir: string): Promise<{ child: ChildProcess; base: string }> {
  const pin = spawnSync('taskset', ['--version']).status === 0 ? ['taskset', '-c', '0'] : [];
  // e.g. BENCH_SERVER_NODE_ARGS=--cpu-prof to profile the server alone
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const [cmd, ...args] = [...pin, 'node', ...nodeArgs, 'scripts/cli.mjs', 'src/server/main.ts'];
  const child = spawn(cmd!, args, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      // BENCH_DATABASE_URL: the same on a PostgreSQL server (its work then leaves the process)
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '',
      TOW_DATA_DIR: dataDir,
      DIST_DIR: 'no-site-for-the-bench',
      // the bench is one address making a thousand trainees: lift the per-address limits
      TOW_RATE_LIMIT: '1000000',
      TOW_WS_RATE: '1000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += String(chunk);
      const m = /listening on (http:\/\/[\d.:]+)\//.exec(out);
      if (m) resolve({ child, base: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function openSocket(
  url: string,
  hello: unknown,
  onMessage: (m: { type: string } & Record<string, unknown>) => void,
) {
  return new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => ws.send(JSON.stringify(hello)));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.type === 'welcome') resolve(ws);
      else if (m.type === 'error') reject(new Error(m.message));
      onMessage(m);
    });
  });
}

/** Kilobytes of the process's resident memory now and at its peak (Linux). */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** Seconds of CPU the process has used (user + system), from /proc (Linux, 100 ticks a second). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tow-bench-server-'));
  const { child, base } = await startServer(dataDir);
  const hardStop = setTimeout(() => {
    console.error(`stopped after ${LIMIT_S} s`);
    child.kill('SIGKILL');
    process.exit(1);
  }, LIMIT_S * 1000);
  const ws = base.replace('http', 'ws');
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  let refused = 0;
  console.error(`server ${base} (pid ${child.pid}); joining ${ROOMS} × ${PER_ROOM} trainees…`);

  const players: { code: string; seed: string; token: string; id: string }[] = [];
  for (let r = 0; r < ROOMS; r++) {
    const seed = String(r + 1);
    const made = await post<{ room: { code: string }; adminSecret: string }>(`${base}/api/rooms`, {
      scenario: { kind: 'bundled', id: 'silos' },
      seed,
      pacing: { mode: 'self' },
    });
    const code = made.room.code;
    sockets.push(
      await openSocket(
        `${ws}/api/rooms/${code}/live`,
        { type: 'hello', role: 'facilitator', secret: made.adminSecret },
        (m) => {
          if (m.type !== 'decision') return;
          const player = m.player as { id: string };
          const t0 = sent.get(`${player.id}:${m.quarter}`);
          if (t0 !== undefined) latencies.push(performance.now() - t0);
        },
      ),
    );
    for (let i = 0; i < PER_ROOM; i++) {
      const p = await post<{ playerId: string; playerToken: string }>(
        `${base}/api/rooms/${code}/players`,
        {
          name: `Trainee ${i + 1}`,
        },
      );
      players.push({ code, seed, token: p.playerToken, id: p.playerId });
    }
  }
  const joined = memoryOf(child.pid!);
  console.error(`${players.length} joined; connecting…`);

  const games = await Promise.all(
    players.map(async (p) => {
      const choices: string[] = [];
      const socket = await openSocket(
        `${ws}/api/rooms/${p.code}/live`,
        { type: 'hello', role: 'player', token: p.token },
        (m) => {
          if (m.type === 'error') refused++;
        },
      );
      sockets.push(socket);
      return { ...p, choices, socket };
    }),
  );
  const connected = memoryOf(child.pid!);
  console.error(`${games.length} connected; playing (a decision each every ${EVERY_MS / 1000} s)…`);

  const start = performance.now();
  const cpuAtStart = cpuSecondsOf(child.pid!);
  await Promise.all(
    games.map(
      (g) =>
        new Promise<void>((resolve) => {
          const decideNext = () => {
            const state = playChoices(silos, g.seed, g.choices);
            if (state.situationId === null) return resolve();
            const situation = situationById(silos, state.situationId);
            const choice = situation.choices[Math.floor(Math.random() * situation.choices.length)]!;
            const quarter = g.choices.length + 1;
            g.choices.push(choice.id);
            sent.set(`${g.id}:${quarter}`, performance.now());
            g.socket.send(
              JSON.stringify({
                type: 'decide',
                quarter,
                situationId: situation.id,
                choiceId: choice.id,
              }),
            );
            setTimeout(decideNext, EVERY_MS * (0.75 + Math.random() * 0.5));
          };
          setTimeout(decideNext, Math.random() * EVERY_MS);
        }),
    ),
  );
  // the last decisions' echoes
  const settle = performance.now();
  while (latencies.length < sent.size && performance.now() - settle < 5000) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - start) / 1000;
  const played = memoryOf(child.pid!);
  const cpu = cpuSecondsOf(child.pid!) - cpuAtStart;
  clearTimeout(hardStop);
  for (const s of sockets) s.close();
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const p99 = percentile(sorted, 99);
  const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
  console.log(`| measure | value |`);
  console.log(`|---|---|`);
  console.log(
    `| database | ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL (its own processes)' : 'PGlite, in the server process'} |`,
  );
  console.log(`| trainees connected | ${games.length} in ${ROOMS} rooms, ${ROOMS} facilitators |`);
  console.log(
    `| decisions sent / seen by the facilitator | ${sent.size} / ${latencies.length} (${refused} refused) |`,
  );
  console.log(`| decision → facilitator's socket, p50 | ${p50.toFixed(1)} ms |`);
  console.log(
    `| decision → facilitator's socket, p99 | ${p99.toFixed(1)} ms (target < ${TARGET_P99_MS} ms) |`,
  );
  console.log(
    `| decision → facilitator's socket, max | ${(sorted.at(-1) ?? Number.NaN).toFixed(1)} ms |`,
  );
  console.log(
    `| decisions per second | ${(latencies.length / seconds).toFixed(0)} over ${seconds.toFixed(0)} s |`,
  );
  const perDecision = (1000 * cpu) / Math.max(1, latencies.length);
  console.log(
    `| server CPU while playing | ${cpu.toFixed(1)} s in ${seconds.toFixed(0)} s (${((100 * cpu) / seconds).toFixed(0)}% of one core), ${perDecision.toFixed(2)} ms per decision |`,
  );
  console.log(
    `| server memory (RSS) joined / connected / after play / peak | ${mb(joined.rss)} / ${mb(connected.rss)} / ${mb(played.rss)} / ${mb(played.peak)} |`,
  );
  console.log(
    `| machine | ${cpus().length} cores (${cpus()[0]?.model.trim()}), load ${loadavg()[0]!.toFixed(1)} at the end |`,
  );
  process.exit(p99 < TARGET_P99_MS && latencies.length === sent.size ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
