// node scripts/cli.mjs <entry.ts> [args...]: runs one of the Node commands (verify,
// simulate, bench, ...) from a JavaScript bundle of its TypeScript sources, built by esbuild
// and kept in node_modules/.cache/tug-of-war/cli. Starting through tsx's loader cost about
// 0.3 s per command, most of it the loader's hooks answering for every module; `npm run
// verify` is run again and again as results come in.
//
// The bundle can never be stale. It is filed with the content hash of every file it was
// compiled from, taken from the very text esbuild compiled, and of what shapes the build
// (this script, tsconfig.json, package.json, esbuild's version, the project's folder); each
// start hashes those files again (a few milliseconds) and rebuilds on any difference. A
// bundle's name carries the digest of its manifest, so a manifest never names a bundle built
// from other sources, even when two runs rebuild at once. Packages stay outside the bundle
// and load from the project's node_modules, as the sources expect. Where nothing can be
// written, the command runs through tsx as before.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Files that shape every build besides its sources. */
const BUILD_FILES = [
  'scripts/cli.mjs',
  'tsconfig.json',
  'package.json',
  'node_modules/esbuild/package.json',
];
/** A replaced bundle is removed once this old: a run that just built it may still load it. */
const OLD_BUNDLE_MS = 10 * 60 * 1000;

const [entryArg, ...rest] = process.argv.slice(2);
if (entryArg === undefined) {
  console.error('usage: node scripts/cli.mjs <entry.ts> [args...]');
  process.exit(2);
}
const entry = resolve(entryArg);
// (tests name a folder of their own; it must be inside the project, where packages resolve)
const cacheDir =
  process.env.TOW_CLI_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'tug-of-war', 'cli');
// one manifest per entry file: its name, and a digest of its path for entries of one name
const name = `${basename(entry).replace(/\.[^.]+$/, '')}-${hash(entry).slice(0, 8)}`;
const manifestPath = join(cacheDir, `${name}.json`);

function hash(content) {
  return createHash('sha256').update(content).digest('hex');
}

/** A file's hash, by its path in the project; '' for one that is missing. */
function fileHash(file) {
  try {
    return hash(readFileSync(join(ROOT, file)));
  } catch {
    return '';
  }
}

/** The kept bundle's path, when it was built from the files as they are now; else null. */
function keptBundle() {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.root !== ROOT || typeof manifest.bundle !== 'string') return null;
    const inputs = Object.entries(manifest.inputs);
    if (inputs.length === 0) return null;
    for (const [file, digest] of inputs) if (fileHash(file) !== digest) return null;
    const bundle = join(cacheDir, manifest.bundle);
    return existsSync(bundle) ? bundle : null;
  } catch {
    return null;
  }
}

/** Writes a file whole, then renames it into place: a reader sees the old file or the new. */
function writeWhole(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}

const LOADERS = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.json': 'json',
};

/** Builds the bundle, keeps it with its manifest, and returns its path. */
async function rebuild() {
  const { build } = await import('esbuild');
  const inputs = Object.fromEntries(BUILD_FILES.map((file) => [file, fileHash(file)]));
  // Every file esbuild compiles is read here, once: its hash is taken from that very text.
  // The sources find their files (scenarios, the model's sources, the census threads' entry)
  // from their own place, through import.meta: in the bundle that is written out as each
  // file's own address, so those paths stay right wherever the bundle is kept.
  const readSources = {
    name: 'read-sources',
    setup(b) {
      b.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        inputs[relative(ROOT, args.path)] = hash(text);
        const loader = LOADERS[extname(args.path)] ?? 'text';
        if (loader !== 'ts' && loader !== 'js') return { contents: text, loader };
        const contents = text
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.filename', JSON.stringify(args.path))
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
        return { contents, loader };
      });
    },
  };
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    // where the bundle goes, so that its source map names the sources relative to it
    outdir: cacheDir,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // an error's stack names the source files and lines, as under tsx
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    banner: {
      js: "import { createRequire as __towCreateRequire } from 'node:module'; const require = __towCreateRequire(import.meta.url);",
    },
    plugins: [readSources],
  });
  const manifest = { root: ROOT, inputs };
  manifest.bundle = `${name}-${hash(JSON.stringify(manifest)).slice(0, 16)}.mjs`;
  mkdirSync(cacheDir, { recursive: true });
  const bundle = join(cacheDir, manifest.bundle);
  // the bundle first: a manifest is never read before the bundle it names is whole
  writeWhole(bundle, result.outputFiles[0].text);
  writeWhole(manifestPath, JSON.stringify(manifest));
  removeOldBundles(manifest.bundle);
  return bundle;
}

function removeOldBundles(current) {
  for (const file of readdirSync(cacheDir)) {
    if (!file.startsWith(`${name}-`) || !file.endsWith('.mjs') || file === current) continue;
    const path = join(cacheDir, file);
    try {
      if (Date.now() - statSync(path).mtimeMs > OLD_BUNDLE_MS) rmSync(path, { force: true });
    } catch {}
  }
}

let bundle = keptBundle();
if (bundle === null) {
  try {
    bundle = await rebuild();
  } catch (err) {
    // a source that does not compile is the command's error, shown as tsx would show it
    if (err?.errors?.length > 0) {
      for (const e of err.errors) {
        const at = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
        console.error(`error: ${at}${e.text}`);
      }
      process.exit(1);
    }
    // otherwise nothing could be written (or esbuild is missing): tsx runs the sources
  }
}
// the command sees itself as the program run, as it would under tsx
process.argv = [process.argv[0], entry, ...rest];
if (bundle !== null) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
