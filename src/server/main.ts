import { buildServer } from './app.ts';
import { settingsAndDatabase } from './startup.ts';

// `npm start`'s server (scripts/start.mjs builds the site first when it is out of date):
// the settings from the environment, the database migrated, then site and API on one port.
// SIGINT and SIGTERM close it cleanly, so the embedded database's files stay whole.

const { env, db } = await settingsAndDatabase();

const server = await buildServer({
  db,
  distDir: env.DIST_DIR,
  ttlHours: env.TOW_ROOM_TTL_HOURS,
  sweepSeconds: env.TOW_SWEEP_SECONDS,
  rateLimit: env.TOW_RATE_LIMIT,
  networkRateLimit: env.TOW_NETWORK_RATE_LIMIT,
  wsRate: env.TOW_WS_RATE,
  trustProxy: env.TOW_TRUST_PROXY,
  signingSecret: env.TOW_SIGNING_SECRET ?? null,
  adminSecret: env.TOW_ADMIN_SECRET ?? null,
  publicUrl: env.TOW_PUBLIC_URL ?? null,
  passbackSeconds: env.TOW_LTI_RETRY_SECONDS,
  accounts: env.accounts,
  sessionHours: env.TOW_SESSION_HOURS,
  signInRate: env.TOW_SIGNIN_RATE,
  accountGuesses: { max: env.TOW_SIGNIN_ACCOUNT_RATE, minutes: env.TOW_SIGNIN_ACCOUNT_MINUTES },
});
const address = await server.app.listen({ port: env.PORT, host: env.HOST });
const where = db.kind === 'pglite' ? `embedded database in ${env.TOW_DATA_DIR}` : 'PostgreSQL';
console.log(
  `Tug of War listening on ${address}/ (${where}${server.site ? '' : '; no built site, API only'})`,
);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: closing`);
  await server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
