import { Signer } from './assignments/keys.ts';
import { settingsAndDatabase } from './startup.ts';

// `npm run server:rotate-key`: retires the signing key and makes a new one, in the database
// the server's settings name (DATABASE_URL or TOW_DATA_DIR, with TOW_SIGNING_SECRET). The
// old public key stays published, so results it signed keep verifying. With the embedded
// database, stop the server first: PGlite is one process's database.

const { env, db } = await settingsAndDatabase();
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
