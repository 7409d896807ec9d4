import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { linkParams, pastedLinkParams } from '../../src/links/address.ts';
import { linkUrl, readLink, type WorkshopLink } from '../../src/links/links.ts';
import { gameAddress, localOnlyNote, publicUrlProblem } from '../../src/links/public-url.ts';
import { tempDir } from '../helpers/temp.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const workshop: WorkshopLink = {
  kind: 'workshop',
  name: 'Lisbon',
  session: 'ws-1',
  seed: '5',
  yaml: `id: own\n${'# a long scenario\n'.repeat(2000)}`,
};

describe('where a link travels in its address', () => {
  it('new links carry their settings after "#", so no server ever receives them', () => {
    const url = new URL(linkUrl('https://academy.example/tow/index.html?old=1', workshop));
    expect(url.search).toBe('');
    expect(url.hash).toMatch(/^#w=/);
    const read = readLink(linkParams(url));
    expect(read?.ok && read.link).toEqual(workshop);
  });

  it('links made before, with the settings in "?w=", read the same', () => {
    const fragment = new URL(linkUrl('https://x.example/index.html', workshop)).hash.slice(1);
    const old = new URL(`https://x.example/index.html?${fragment}`);
    expect(readLink(linkParams(old))).toEqual(readLink(fragment));
    // a plain market stays in the query, and a fragment without a link does not hide it
    expect(linkParams({ search: '?scenario=silos&seed=4', hash: '#top' })).toBe(
      'scenario=silos&seed=4',
    );
  });

  it('a pasted link reads whole, or as its "#…" or "?…" part', () => {
    const whole = linkUrl('https://x.example/index.html', workshop);
    const hash = new URL(whole).hash;
    for (const text of [whole, hash, `?${hash.slice(1)}`])
      expect(readLink(pastedLinkParams(text))?.ok, text).toBe(true);
  });
});

describe('the address links point at (TOW_PUBLIC_URL)', () => {
  it('is the game beside the page when not set, else the game under the public address', () => {
    expect(gameAddress('', 'http://127.0.0.1:5173/hr.html')).toBe(
      'http://127.0.0.1:5173/index.html',
    );
    expect(gameAddress('https://training.example.com/tow/', 'http://127.0.0.1:5173/hr.html')).toBe(
      'https://training.example.com/tow/index.html',
    );
    expect(gameAddress('https://training.example.com/tow', 'http://x/')).toBe(
      'https://training.example.com/tow/index.html',
    );
    expect(gameAddress('https://training.example.com/play.html', 'http://x/')).toBe(
      'https://training.example.com/play.html',
    );
  });

  it('links only this computer can open are called out', () => {
    for (const host of ['127.0.0.1:5173', 'localhost', '[::1]:8080', '0.0.0.0'])
      expect(localOnlyNote(`http://${host}/index.html#w=x`), host).toMatch(
        /opens only on this computer: trainees cannot open them.*TOW_PUBLIC_URL/,
      );
    expect(localOnlyNote('http://localhost/index.html', false)).toMatch(
      /^This link points at localhost, .* cannot open it\./,
    );
    for (const host of ['training.example.com', '10.0.0.7', 'intranet'])
      expect(localOnlyNote(`https://${host}/index.html`), host).toBeNull();
  });

  it('a value that is not a site address is named', () => {
    expect(publicUrlProblem('https://training.example.com/tow/')).toBeNull();
    expect(publicUrlProblem('training.example.com')).toMatch(/is not an address: "training/);
    expect(publicUrlProblem('ftp://x.example/')).toMatch(/must start with https:\/\/ or http:\/\//);
    expect(publicUrlProblem('https://x.example/?w=1')).toMatch(/without "\?" or "#"/);
  });

  it('a build with a bad TOW_PUBLIC_URL stops at once and says what is wrong', () => {
    const run = spawnSync('npx', ['vite', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TOW_PUBLIC_URL: 'training.example.com', DIST_DIR: tempDir('dist') },
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('TOW_PUBLIC_URL is not an address: "training.example.com"');
  });
});
