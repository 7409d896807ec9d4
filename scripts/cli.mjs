// node scripts/cli.mjs <entry.ts> [args...]: runs one of the Node commands (verify,
// simulate, bench, ...) from a JavaScript bundle of its TypeScript sources, built by esbuild
// and kept in node_modules/.cache/tug-of-war/cli. Starting through tsx's loader cost about
// 0.3 s per command, most of it the loader's hooks answering for every module; `npm run
// verify` is run again and again as results come in.
//
// The bundle can never be stale: it is kept with the content hash of every source file it
// was built from, and each start hashes them again (a few milliseconds) and rebuilds on
// any difference. Packages stay outside the bundle and load from node_modules as usual.
// Where nothing can be written, or esbuild is missing, the command runs through tsx as
// before.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const [entryArg, ...rest] = process.argv.slice(2);
if (entryArg === undefined) {
  console.error('usage: node scripts/cli.mjs <entry.ts> [args...]');
  process.exit(2);
}
const entry = resolve(entryArg);
const cacheDir =
  process.env.TOW_CLI_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'tug-of-war', 'cli');
// one bundle per entry file: its name, and a digest of its path for entries of one name
const name = `${basename(entry).replace(/\.[^.]+$/, '')}-${hash(entry).slice(0, 8)}`;
const bundlePath = join(cacheDir, `${name}.mjs`);
const manifestPath = join(cacheDir, `${name}.json`);

function hash(text) {
  return createHash('sha256').update(text).digest('hex');
}

/** Whether the kept bundle was built from the sources as they are now. */
function upToDate() {
  try {
    const { inputs } = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const [file, digest] of Object.entries(inputs)) {
      if (hash(readFileSync(resolve(ROOT, file))) !== digest) return false;
    }
    return Object.keys(inputs).length > 0 && existsSync(bundlePath);
  } catch {
    return false;
  }
}

/** Writes a file whole and then renames it in place: a run that reads meanwhile sees one or the other. */
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

async function rebuild() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    // the manifest's paths are relative to the project's root
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    // packages load from the project's node_modules, as the sources expect
    banner: {
      js: "import { createRequire as __towCreateRequire } from 'node:module'; const require = __towCreateRequire(import.meta.url);",
    },
    plugins: [sourceUrls],
  });
  mkdirSync(cacheDir, { recursive: true });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) {
    inputs[file] = hash(readFileSync(resolve(ROOT, file)));
  }
  writeWhole(bundlePath, result.outputFiles[0].text);
  writeWhole(manifestPath, JSON.stringify({ inputs }));
}

// The sources find their files (scenarios, the model's sources, the census threads' entry)
// from their own place, through import.meta.url: in the bundle it is written out as each
// source file's own address, so those paths stay right wherever the bundle is kept.
const sourceUrls = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

let runnable = upToDate();
if (!runnable) {
  try {
    await rebuild();
    runnable = true;
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
if (runnable) {
  await import(pathToFileURL(bundlePath).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}
