import { Signer } from './assignments/keys.ts';
import { readEnv } from './config.ts';
import { openDatabase } from './db/open.ts';

// `npm run server:rotate-key`: retires the signing key and makes a new one, in the database
// the server's settings name (DATABASE_URL or TOW_DATA_DIR, with TOW_SIGNING_SECRET). The
// old public key stays published, so results it signed keep verifying. With the embedded
// database, stop the server first: PGlite is one process's database.

let env: ReturnType<typeof readEnv>;
try {
  env = readEnv(process.env);
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}
const db = await openDatabase(
  env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.TOW_DATA_DIR },
);
try {
  const signer = new Signer(db, env.TOW_SIGNING_SECRET ?? null);
  await signer.start();
  const kid = await signer.rotate();
  const all = (await signer.keySet()).keys.length;
  console.log(`new signing key ${kid}; ${all} public keys published at /.well-known/jwks.json`);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
