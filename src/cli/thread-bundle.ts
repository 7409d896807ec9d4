import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

// The census threads' code: the model as one CommonJS bundle (see threads.ts). Building it
// cost about 0.2 s of CPU per command (50 ms here and the rest in esbuild's own process),
// a twentieth of a whole verify, so it is kept beside the commands' own bundles
// (scripts/cli.mjs) and built again only when a file it was built from has changed.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./sim-thread.ts', import.meta.url));
/** Files that shape the bundle besides its sources: this file holds the build's options. */
const BUILD_FILES = [
  'src/cli/thread-bundle.ts',
  'tsconfig.json',
  'package.json',
  'node_modules/esbuild/package.json',
];

interface Manifest {
  /** project path → sha-256 of the file's text ('' for a missing file) */
  inputs: Record<string, string>;
  code: string;
}

function keptDir(): string {
  return process.env.TOW_CLI_CACHE_DIR || join(ROOT, 'node_modules', '.cache', 'tug-of-war', 'cli');
}

function fileHash(file: string): string {
  try {
    return createHash('sha256')
      .update(readFileSync(join(ROOT, file)))
      .digest('hex');
  } catch {
    return '';
  }
}

function hashes(files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((f) => [f, fileHash(f)]));
}

function sameHashes(inputs: Record<string, string>): boolean {
  const files = Object.keys(inputs);
  return files.length > 0 && files.every((f) => fileHash(f) === inputs[f]);
}

/** The kept bundle, when every file it was built from is as it was then; else null. */
function kept(path: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return typeof manifest.code === 'string' && sameHashes(manifest.inputs) ? manifest.code : null;
  } catch {
    return null;
  }
}

function build(): { code: string; sources: string[] } {
  const built = buildSync({
    entryPoints: [ENTRY],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  // a warning here means code the bundle cannot carry (import.meta in CommonJS, say)
  if (built.warnings.length > 0) {
    throw new Error(`the census threads' bundle: ${built.warnings[0]!.text}`);
  }
  // the files it was compiled from, by their path in the project
  return { code: built.outputFiles[0]!.text, sources: Object.keys(built.metafile.inputs) };
}

function modifiedSince(file: string, time: number): boolean {
  try {
    return statSync(join(ROOT, file)).mtimeMs >= time;
  } catch {
    return true;
  }
}

/** Keeps the bundle with the hashes of the files it was built from. */
function keep(path: string, code: string, sources: readonly string[], started: number): void {
  const files = [...BUILD_FILES, ...sources];
  // a file saved since the build began may or may not be in it: such a bundle is not kept
  if (files.some((f) => modifiedSince(f, started))) return;
  const manifest: Manifest = { inputs: hashes(files), code };
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(keptDir(), { recursive: true });
    writeFileSync(temporary, JSON.stringify(manifest));
    renameSync(temporary, path);
  } catch {
    // nowhere to keep it: the next command builds it again
    rmSync(temporary, { force: true });
  }
}

/** The threads' code, kept from an earlier command when its sources are unchanged. */
export function threadBundle(): string {
  const path = join(keptDir(), 'census-threads.json');
  const known = kept(path);
  if (known !== null) return known;
  // a second early: file times may be rounded down to it
  const started = Date.now() - 1000;
  const { code, sources } = build();
  keep(path, code, sources, started);
  return code;
}
