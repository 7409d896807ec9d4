import { Signer } from './assignments/keys.ts';
import { GRACE_DAYS, ToolKey } from './lti/tool-key.ts';
import { settingsAndDatabase } from './startup.ts';

// `npm run server:rotate-key`: retires the signing key and makes a new one, in the database
// the server's settings name (DATABASE_URL or TOW_DATA_DIR, with TOW_SIGNING_SECRET). The
// old public key stays published, so results it signed keep verifying. With `-- --lti` it
// rotates the LTI tool's RSA key instead (lti/tool-key.ts): the old one stays in /lti/jwks
// for a grace period. With the embedded database, stop the server first: PGlite is one
// process's database.

const USAGE = 'usage: npm run server:rotate-key [-- --lti]';
const args = process.argv.slice(2);
if (args.length > 1 || (args.length === 1 && args[0] !== '--lti')) {
  console.error(`error: unknown argument ${args.find((a) => a !== '--lti')}\n${USAGE}`);
  process.exit(2);
}
const lti = args[0] === '--lti';

const { env, db } = await settingsAndDatabase();
const secret = env.TOW_SIGNING_SECRET ?? null;
try {
  if (lti) {
    const toolKey = new ToolKey(db, secret);
    await toolKey.start();
    const kid = await toolKey.rotate();
    const all = (await toolKey.keySet()).keys.length;
    console.log(
      `new LTI tool key ${kid} signs from now on; ${all} public keys published at /lti/jwks (a retired one stays ${GRACE_DAYS} days)`,
    );
  } else {
    const signer = new Signer(db, secret);
    await signer.start();
    const kid = await signer.rotate();
    const all = (await signer.keySet()).keys.length;
    console.log(`new signing key ${kid}; ${all} public keys published at /.well-known/jwks.json`);
  }
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
