import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { zipSync } from 'fflate';
import { build, type InlineConfig, type UserConfig } from 'vite';
import { CMI5_FORMAT, cmi5Files } from '../lms/cmi5/package.ts';
import {
  attemptsProblem,
  KEEP_POLICIES,
  type KeepPolicy,
  type LmsFormat,
  lmsSettings,
} from '../lms/config.ts';
import { manifestXml } from '../lms/manifest.ts';
import { loadBundledScenarios } from '../scenario/bundled.ts';
import { DEFAULT_PASS_MARK } from '../sim/index.ts';
import { fail, parseArgs } from './args.ts';

// npm run build:scorm -- [--format scorm12|cmi5] [--scenario ID] [--pass N] [--attempts N]
// [--keep first|best] [--seed S] [--id IRI] [--out DIR] builds the game (index.html only: HR's and facilitators' pages do
// not belong in an LMS) with the package's settings baked in, and zips it with
// imsmanifest.xml and the SCORM 1.2 schemas it names at the root. Paths stay relative
// (Vite base './'), so the LMS may serve the package from any folder. No service worker:
// an LMS serves many packages from one site and replaces them in place, where a worker
// would keep serving a withdrawn version from its cache. --format cmi5 writes a cmi5
// package instead: cmi5.xml (src/lms/cmi5/package.ts) beside the same game, which then
// reports to the LMS's LRS (src/lms/cmi5/) in place of a SCORM API.

const USAGE =
  'npm run build:scorm -- [--format scorm12|cmi5] [--scenario ID] [--pass N] [--attempts N] [--keep first|best] [--seed S] [--id IRI] [--out DIR]';
const OPTIONS = ['format', 'scenario', 'pass', 'attempts', 'keep', 'seed', 'id', 'out'];
const XSD_DIR = resolve('src/lms/xsd');
const XSD_FILES = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
];

let args: ReturnType<typeof parseArgs>;
try {
  args = parseArgs(process.argv.slice(2), [], OPTIONS);
} catch (err) {
  fail((err as Error).message, USAGE);
}
const { flags } = args;
const scenarios = loadBundledScenarios();
const scenarioId = flags.get('scenario') ?? scenarios[0]?.scenario.id ?? '';
const entry = scenarios.find((s) => s.scenario.id === scenarioId);
if (!entry) {
  fail(
    `no bundled scenario "${scenarioId}"; there are: ${scenarios.map((s) => s.scenario.id).join(', ')}`,
    USAGE,
  );
}
const passMark = Number(flags.get('pass') ?? DEFAULT_PASS_MARK);
if (!Number.isInteger(passMark) || passMark < 0 || passMark > 100)
  fail('--pass is a whole number from 0 to 100', USAGE);
const attempts = Number(flags.get('attempts') ?? '1');
if (!Number.isInteger(attempts) || attempts < 1 || attempts > 99)
  fail('--attempts is a whole number from 1 to 99', USAGE);
const keep = (flags.get('keep') ?? 'first') as KeepPolicy;
if (!KEEP_POLICIES.includes(keep))
  fail(`--keep is "first" (the first finished game) or "best" (the best of all)`, USAGE);
const tooMany = attemptsProblem(keep, attempts);
if (tooMany !== null) fail(tooMany, USAGE);
const seed = flags.get('seed') ?? 'scorm';
if (!/^[\w-]{1,28}$/.test(seed))
  fail('--seed may hold letters, digits, _ and - (at most 28)', USAGE);
const format = (flags.get('format') ?? 'scorm12') as LmsFormat;
if (format !== 'scorm12' && format !== CMI5_FORMAT)
  fail('--format is "scorm12" (SCORM 1.2, the default) or "cmi5"', USAGE);
const courseId = flags.get('id') ?? `urn:tug-of-war:${scenarioId}:${seed}`;
try {
  if (!/^[a-z][\w+.-]*:\S+$/i.test(courseId)) throw new Error();
  new URL(courseId);
} catch {
  fail("--id is the course's IRI, such as https://learning.example.com/courses/who-owns", USAGE);
}
if (format !== CMI5_FORMAT && flags.has('id')) fail('--id is for --format cmi5', USAGE);
const outDir = resolve(flags.get('out') ?? (format === CMI5_FORMAT ? 'dist-cmi5' : 'dist-scorm'));
const site = join(outDir, 'site');

// named as the package reads them: VITE_TOW_CMI5_* for cmi5, VITE_TOW_SCORM_* for SCORM
Object.assign(
  process.env,
  lmsSettings(format, {
    scenario: scenarioId,
    pass: String(passMark),
    attempts: String(attempts),
    keep,
    seed,
  }),
);

// the site's own config, with the game as the only page (merging would keep the others)
const base = (await import('../../vite.config.ts')).default as UserConfig;
const config: InlineConfig = {
  ...base,
  configFile: false,
  logLevel: 'warn',
  build: {
    ...base.build,
    outDir: site,
    emptyOutDir: true,
    rollupOptions: { ...base.build?.rollupOptions, input: { game: resolve('index.html') } },
  },
};
rmSync(site, { recursive: true, force: true });
await build(config);

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(relative(site, p).split(sep).join('/'));
  }
  return out;
}
const files = walk(site, []);
const zipped: Record<string, Uint8Array> = {};
for (const f of files) zipped[f] = readFileSync(join(site, f));
const title = `Tug of War: ${entry.scenario.title}`;
if (format === CMI5_FORMAT) {
  Object.assign(
    zipped,
    cmi5Files({
      id: courseId,
      title,
      description: entry.scenario.summary || title,
      passMark,
      index: zipped['index.html']!,
    }),
  );
} else {
  const manifest = manifestXml({
    identifier: `tug-of-war-${scenarioId}`,
    title,
    launch: 'index.html',
    passMark,
    files,
  });
  zipped['imsmanifest.xml'] = new TextEncoder().encode(manifest);
  // the schemas the manifest's xsi:schemaLocation names, so an LMS (or xmllint) can check it
  for (const f of XSD_FILES) zipped[f] = readFileSync(join(XSD_DIR, f));
}
const zipPath = join(outDir, `tug-of-war-${scenarioId}-${format}.zip`);
writeFileSync(zipPath, zipSync(zipped, { level: 9 }));
const kb = Math.round(statSync(zipPath).size / 1024);
console.log(
  `${zipPath}: ${Object.keys(zipped).length} files, ${kb} KB; ${format}, scenario ${scenarioId}, pass mark ${passMark}, keeps the ${keep} result, seed ${seed}`,
);
