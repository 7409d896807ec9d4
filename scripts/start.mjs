// npm start: builds the site when a source is newer than the last build (or there is none),
// then starts the server (src/server/main.ts), which serves it and the room API on one port.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const distDir = process.env.DIST_DIR || 'dist';
// what the site is built from; the server's and the commands' own code is not part of it
const SOURCES = [
  'src',
  'scenarios',
  'public',
  'index.html',
  'workshop.html',
  'hr.html',
  'vite.config.ts',
  'package.json',
];
const NOT_SITE = new Set([join('src', 'server'), join('src', 'cli')]);

function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  if (NOT_SITE.has(path)) return 0;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

let built = 0;
try {
  built = statSync(join(distDir, 'index.html')).mtimeMs;
} catch {
  // never built
}
if (built < Math.max(...SOURCES.map(newest))) {
  console.log(built ? 'The site changed since the last build: building it…' : 'Building the site…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const server = spawn('node', ['scripts/cli.mjs', 'src/server/main.ts'], { stdio: 'inherit' });
// a stop meant for npm start reaches the server, which closes its database cleanly
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
