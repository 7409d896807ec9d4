import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, ROOT, unpack } from '../fixtures/scorm/package.ts';
import { tempDir } from '../helpers/temp.ts';

// The package an LMS imports: manifest at the root, one SCO, every href present, and no
// URL that points outside the package (an LMS serves it from a folder of its choosing).

let files: Record<string, Uint8Array>;
beforeAll(() => {
  files = buildPackage('who-owns', 65, ['--keep', 'best']).files;
}, 240_000);

const SCHEMAS = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
];

// xmllint validates against one schema: this one imports the three namespaces a SCORM 1.2
// manifest may use, from the files the package ships (the IMS schema's wildcards are
// strict, so adlcp:* is only checked once its schema is loaded)
const ALL_SCHEMAS = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:tug-of-war:check">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
  <xsd:import namespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" schemaLocation="imsmd_rootv1p2p1.xsd"/>
</xsd:schema>
`;

function xmllint(dir: string, manifest: string) {
  const run = spawnSync(
    'xmllint',
    ['--noout', '--nonet', '--schema', 'all-schemas.xsd', manifest],
    { cwd: dir, encoding: 'utf8' },
  );
  if (run.error)
    throw new Error(`xmllint is missing: apt-get install -y libxml2-utils (${run.error.message})`);
  return run;
}

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
      if (f !== 'imsmanifest.xml' && !SCHEMAS.includes(f)) expect(listed.has(f), f).toBe(true);
  });

  it('ships the four SCORM 1.2 schemas at its root, and its manifest is valid against them', () => {
    for (const f of SCHEMAS) expect(Object.keys(files), f).toContain(f);
    const dir = tempDir('scorm-xsd');
    unpack(files, dir);
    writeFileSync(join(dir, 'all-schemas.xsd'), ALL_SCHEMAS);
    const run = xmllint(dir, 'imsmanifest.xml');
    expect(run.stderr).toContain('imsmanifest.xml validates');
    expect(run.status).toBe(0);
    // and the check can fail: an element out of place is caught
    const broken = text('imsmanifest.xml')
      .replace('<schemaversion>', '<version>')
      .replace('</schemaversion>', '</version>');
    writeFileSync(join(dir, 'broken.xml'), broken);
    expect(xmllint(dir, 'broken.xml').status).not.toBe(0);
  });

  it('registers no service worker: no worker script, no registration in the code', () => {
    const names = Object.keys(files);
    expect(names.filter((f) => /(^|\/)(sw|workbox-[\w-]+)\.js$/.test(f))).toEqual([]);
    const js = names
      .filter((f) => f.endsWith('.js'))
      .map(text)
      .join('\n');
    expect(js).not.toContain('serviceWorker.register');
  });

  it('refuses a --keep it does not know, naming the choices', () => {
    const run = spawnSync(
      process.execPath,
      ['scripts/cli.mjs', 'src/cli/build-scorm.ts', '--keep', 'last'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--keep is "first" .* or "best"/);
  });

  it('refuses more than one attempt when only the first result counts, for SCORM and cmi5 alike', () => {
    for (const format of ['scorm12', 'cmi5']) {
      const run = spawnSync(
        process.execPath,
        ['scripts/cli.mjs', 'src/cli/build-scorm.ts', '--format', format, '--attempts', '2'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--attempts 2 with --keep first');
      expect(run.stderr).toContain('Use --keep best');
    }
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
    expect(js).toMatch(/VITE_TOW_SCORM_KEEP\s*:\s*[`"']best[`"']/);
  });
});
