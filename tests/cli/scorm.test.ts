import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../fixtures/scorm/package.ts';

// The package an LMS imports: manifest at the root, one SCO, every href present, and no
// URL that points outside the package (an LMS serves it from a folder of its choosing).

let files: Record<string, Uint8Array>;
beforeAll(() => {
  files = buildPackage('who-owns', 65).files;
}, 240_000);

const text = (name: string) => strFromU8(files[name]!);

describe('npm run build:scorm', () => {
  it('puts imsmanifest.xml at the root with one SCO launching the game', () => {
    expect(Object.keys(files)).toContain('imsmanifest.xml');
    const m = text('imsmanifest.xml');
    expect(m).toContain('<schemaversion>1.2</schemaversion>');
    expect(m.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
    expect(m).toMatch(/<resource [^>]*href="index\.html"/);
    expect(m).toContain('<adlcp:masteryscore>65</adlcp:masteryscore>');
    expect(m).toMatch(/<title>Tug of War: [^<]+<\/title>/);
    expect(Object.keys(files).some((f) => /^(hr|workshop)\.html$/.test(f))).toBe(false);
  });

  it('lists every file, and every href in the manifest exists in the zip', () => {
    const m = text('imsmanifest.xml');
    const hrefs = [...m.matchAll(/href="([^"]+)"/g)].map((x) => x[1]!);
    for (const h of hrefs) expect(Object.keys(files), h).toContain(h);
    const listed = new Set(hrefs);
    for (const f of Object.keys(files))
      if (f !== 'imsmanifest.xml') expect(listed.has(f), f).toBe(true);
  });

  it('has no absolute or root-relative URL in the manifest, the pages or the styles', () => {
    const bad = (u: string) => /^(\/|[a-z][\w+.-]*:)/i.test(u) && !u.startsWith('data:');
    for (const h of [...text('imsmanifest.xml').matchAll(/href="([^"]+)"/g)].map((x) => x[1]!)) {
      expect(bad(h), h).toBe(false);
    }
    for (const name of Object.keys(files).filter((f) => f.endsWith('.html'))) {
      for (const [, url] of text(name).matchAll(/(?:src|href)="([^"]*)"/g))
        expect(bad(url!), `${name}: ${url}`).toBe(false);
    }
    for (const name of Object.keys(files).filter((f) => f.endsWith('.css'))) {
      for (const [, url] of text(name).matchAll(/url\(["']?([^"')]+)/g))
        expect(bad(url!), `${name}: ${url}`).toBe(false);
    }
    // the game's scripts load their chunks relative to themselves
    const js = Object.keys(files).filter((f) => f.endsWith('.js'));
    for (const name of js) expect(text(name), name).not.toMatch(/import\(["']\/assets\//);
  });

  it('bakes in the package\u2019s scenario and pass mark', () => {
    const js = Object.keys(files)
      .filter((f) => f.endsWith('.js'))
      .map(text)
      .join('\n');
    expect(js).toMatch(/VITE_TOW_SCORM_SCENARIO\s*:\s*[`"']who-owns[`"']/);
    expect(js).toMatch(/VITE_TOW_SCORM_PASS\s*:\s*[`"']65[`"']/);
  });
});
