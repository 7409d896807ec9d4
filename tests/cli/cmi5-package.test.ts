import { spawnSync } from 'node:child_process';
import { strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, ROOT } from '../fixtures/scorm/package.ts';
import { tempDir } from '../helpers/temp.ts';

// The cmi5 package npm run build:cmi5 makes carries its settings under cmi5's own names
// (VITE_TOW_CMI5_*), none of SCORM's; and a build told it is cmi5 but given SCORM names
// stops with the names to use rather than baking in the defaults.

let files: Record<string, Uint8Array>;
beforeAll(() => {
  files = buildPackage('who-owns', 65, ['--format', 'cmi5', '--keep', 'best']).files;
}, 240_000);

const scripts = () =>
  Object.keys(files)
    .filter((f) => f.endsWith('.js'))
    .map((f) => strFromU8(files[f]!))
    .join('\n');

describe('npm run build:cmi5', () => {
  it('bakes in the scenario, pass mark and keep rule under VITE_TOW_CMI5_* names', () => {
    const js = scripts();
    expect(js).toMatch(/VITE_TOW_CMI5_SCENARIO\s*:\s*[`"']who-owns[`"']/);
    expect(js).toMatch(/VITE_TOW_CMI5_PASS\s*:\s*[`"']65[`"']/);
    expect(js).toMatch(/VITE_TOW_CMI5_KEEP\s*:\s*[`"']best[`"']/);
    expect(js).toMatch(/VITE_TOW_LMS_FORMAT\s*:\s*[`"']cmi5[`"']/);
    // the code names the SCORM prefix (lmsConfig reads both), but no SCORM setting is baked in
    expect(js).not.toMatch(/VITE_TOW_SCORM_[A-Z]+\s*:/);
  });

  it('registers no service worker, like the SCORM package', () => {
    expect(Object.keys(files).filter((f) => /(^|\/)(sw|workbox-[\w-]+)\.js$/.test(f))).toEqual([]);
    expect(scripts()).not.toContain('serviceWorker.register');
  });

  it('refuses a cmi5 build given SCORM settings, naming the cmi5 ones', () => {
    const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        DIST_DIR: tempDir('cmi5-mixed'),
        VITE_TOW_LMS_FORMAT: 'cmi5',
        VITE_TOW_SCORM_PASS: '80',
      },
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain(
      'VITE_TOW_SCORM_PASS is a SCORM setting: use VITE_TOW_CMI5_PASS',
    );
  });
});
