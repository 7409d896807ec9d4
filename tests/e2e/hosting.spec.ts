import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { linkUrl, type WorkshopLink } from '../../src/links/links.ts';
import { tempDir } from '../helpers/temp.ts';
import { ROOT, watchPage } from './helpers/game.ts';

// docs/hosting.md's nginx configuration, as written, serving a site built for its public
// address: nginx runs in the foreground on a port of its own with a temporary prefix.

const EXAMPLE = readFileSync(join(ROOT, 'docs/hosting/nginx.conf'), 'utf8');
let nginx: ChildProcess;
let origin: string;
let site: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function nginxBinary(): string {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  throw new Error('nginx is missing: apt-get install -y nginx (.ci/run does it)');
}

/** The example's server block inside a minimal main configuration of our own. */
function mainConfig(prefix: string, port: number, root: string): string {
  const server = EXAMPLE.replace(/listen 80;/, `listen 127.0.0.1:${port};`).replace(
    /root \/var\/www\/tug-of-war;/,
    `root ${root};`,
  );
  if (!server.includes(String(port)) || !server.includes(root))
    throw new Error('docs/hosting/nginx.conf no longer has "listen 80;" and its root line');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `    ${t}_temp_path ${prefix}/${t};`)
    .join('\n');
  return `# as root, read the test's private folders (nginx's workers would be "nobody")
user root;
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events {}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
${temp}
${server}
}
`;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  site = tempDir('site');
  // built for its public address, as docs/hosting.md says
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--emptyOutDir'], {
    cwd: ROOT,
    env: { ...process.env, DIST_DIR: site, TOW_PUBLIC_URL: `${origin}/` },
    stdio: 'pipe', // a failure's message carries the build's errors
  });
  const prefix = tempDir('nginx');
  mkdirSync(join(prefix, 'logs'));
  writeFileSync(join(prefix, 'nginx.conf'), mainConfig(prefix, port, site));
  const bin = nginxBinary();
  const args = ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')];
  execFileSync(bin, [...args, '-t'], { stdio: 'pipe' });
  nginx = spawn(bin, args, { stdio: 'inherit' });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${origin}/`).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not answer on ${origin}`);
});

test.afterAll(() => {
  nginx?.kill('SIGQUIT'); // nginx's graceful stop
});

const metaPolicy = (html: string) =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

test('pages come with the security headers, and their policy is the pages\u2019 own plus frame-ancestors', async () => {
  for (const page of ['index.html', 'hr.html', 'workshop.html', '']) {
    const res = await fetch(`${origin}/${page}`);
    expect(res.status, page).toBe(200);
    const policy = res.headers.get('content-security-policy');
    expect(policy, page).toBe(`${metaPolicy(await res.text())}; frame-ancestors 'self'`);
    expect(res.headers.get('x-content-type-options'), page).toBe('nosniff');
    expect(res.headers.get('referrer-policy'), page).toBe('no-referrer');
    expect(res.headers.get('cache-control'), page).toBe('no-cache');
  }
});

test('hashed files are kept a year, with the same security headers; the rest is checked each visit', async () => {
  const html = await (await fetch(`${origin}/index.html`)).text();
  const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
  const res = await fetch(`${origin}/${asset}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('max-age=31536000');
  expect(res.headers.get('content-type')).toMatch(/javascript/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
  for (const [file, type] of [
    ['sw.js', /javascript/],
    ['manifest.webmanifest', /^application\/manifest\+json/],
  ] as const) {
    const r = await fetch(`${origin}/${file}`);
    expect(r.headers.get('cache-control'), file).toBe('no-cache');
    expect(r.headers.get('content-type'), file).toMatch(type);
  }
});

test('a 20 KB workshop link opens behind nginx; the same settings in the query would not', async ({
  page,
}) => {
  const problems = await watchPage(page);
  // comments of random words do not compress: a long facilitator's scenario
  let x = 11;
  const words = Array.from({ length: 2600 }, () => {
    x = (x * 48271) % 2147483647;
    return x.toString(36);
  }).join(' ');
  const yaml = `${readFileSync(join(ROOT, 'scenarios/tutorial.yaml'), 'utf8')
    .replace(/^id: .*$/m, 'id: long-drill')
    .replace(/^title: .*$/m, 'title: "Long drill"')}\n# ${words.replace(/(.{70}) /g, '$1\n# ')}\n`;
  const link: WorkshopLink = {
    kind: 'workshop',
    name: 'Porto',
    session: 'ws-long',
    seed: '3',
    yaml,
  };
  const url = linkUrl(`${origin}/index.html`, link);
  expect(url.length).toBeGreaterThan(19_000);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Long drill');
  await expect(page.locator('.banner')).toHaveText('Workshop: Porto');
  expect(problems).toEqual([]);
  // the reason for "#": nginx refuses a request line this long
  const asQuery = url.replace('#', '?');
  expect((await fetch(asQuery)).status).toBe(414);
});

test('links made on HR\u2019s page point at the public address, wherever the page was opened', async ({
  page,
}) => {
  // the same server under another name: links must not follow the name HR happened to use
  await page.goto(`${origin.replace('127.0.0.1', 'localhost')}/hr.html`);
  await page.getByLabel('Trainee ids').fill('ana');
  await page.getByRole('button', { name: 'Make the links' }).click();
  const href = await page
    .getByRole('link', { name: 'open', exact: true })
    .first()
    .getAttribute('href');
  expect(href).toMatch(new RegExp(`^${origin}/index\\.html#a=`));
  await page.goto(href!);
  await expect(page.getByText(/Assessed session/)).toBeVisible();
});
