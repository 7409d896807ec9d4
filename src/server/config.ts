import { z } from 'zod';
import { type AccountEntry, AccountsError, readAccounts } from './accounts/settings.ts';

// The server's settings, from the environment (docs/server.md lists them). A wrong value
// stops the start with a sentence naming the variable, rather than a server that half works.

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * API requests a minute from one network address: each trainee of a class behind one
 * office address makes 3 to join a room (its scenario, the join, the live socket) and a
 * handful an hour after (docs/server.md, Rate limits), so this leaves room for hundreds of
 * people joining in the same minute while a client flooding the API is still stopped.
 */
export const NETWORK_RATE_LIMIT = 3000;

/** one trusted proxy: an IPv4 or IPv6 address or range, or one of proxy-addr's named ranges */
const PROXY = String.raw`(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F]*:[0-9a-fA-F:.]*(\/\d{1,3})?)`;

const envSchema = z.object({
  PORT: int(0, 65535).default(5173),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// address')
    .optional(),
  TOW_DATA_DIR: z.string().min(1).default('.data'),
  DIST_DIR: z.string().min(1).default('dist'),
  TOW_ROOM_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(72),
  TOW_SWEEP_SECONDS: int(1, 86_400).default(300),
  /** API requests a minute of one client, known by its token, secret or sign-in */
  TOW_RATE_LIMIT: int(1, 1_000_000).default(300),
  /** API requests a minute from one network address, everyone behind it together */
  TOW_NETWORK_RATE_LIMIT: int(1, 10_000_000).default(NETWORK_RATE_LIMIT),
  TOW_WS_RATE: int(1, 100_000).default(20),
  TOW_TRUST_PROXY: z
    .string()
    .regex(
      new RegExp(`^(true|false|${PROXY}(\\s*,\\s*${PROXY})*)$`),
      "true, false, or the proxies' addresses or ranges separated by commas (10.0.0.5, 10.0.0.0/8, uniquelocal)",
    )
    .default('false')
    .transform(trustProxy),
  TOW_SIGNING_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  TOW_ADMIN_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  TOW_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
    .optional(),
  TOW_LTI_RETRY_SECONDS: int(1, 86_400).default(30),
  /** who may sign in: "name role password-hash" a line (or entries separated by ;) */
  TOW_ACCOUNTS: z.string().optional(),
  /** or a file of such lines */
  TOW_ACCOUNTS_FILE: z.string().optional(),
  TOW_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  TOW_SIGNIN_RATE: int(1, 10_000).default(10),
  /** wrong passwords allowed per account name, from any address, in TOW_SIGNIN_ACCOUNT_MINUTES */
  TOW_SIGNIN_ACCOUNT_RATE: int(1, 10_000).default(10),
  TOW_SIGNIN_ACCOUNT_MINUTES: int(1, 24 * 60).default(15),
});

/**
 * Fastify's `trustProxy` from TOW_TRUST_PROXY: behind a load balancer every request comes
 * from the balancer's address, so the rate limit would count a whole workshop as one client;
 * trusted, the client's address (request.ip, which the rate limit and any request log use)
 * is read from X-Forwarded-For.
 * Addresses or ranges trust those proxies alone: the client is the last address in the
 * header that is not one of them, so a client cannot forge it. `true` trusts every sender
 * and takes the header's first address, which a client can write itself: only for a proxy
 * that replaces the header. (Fastify 5 refuses hop counts, so there is no number form.)
 */
export type TrustProxy = boolean | string;

function trustProxy(value: string): TrustProxy {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value.replace(/\s+/g, '');
}

export type ServerEnv = z.infer<typeof envSchema> & {
  /** the accounts TOW_ACCOUNTS or TOW_ACCOUNTS_FILE list, checked */
  accounts: AccountEntry[];
};

export function readEnv(env: NodeJS.ProcessEnv): ServerEnv {
  // an empty variable counts as unset, as in most shells' habits (FOO= npm start)
  const set = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(set);
  const lines = result.success
    ? []
    : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  let accounts: AccountEntry[] = [];
  try {
    accounts = readAccounts(set);
  } catch (err) {
    if (!(err instanceof AccountsError)) throw err;
    lines.push(err.message);
  }
  if (result.success && lines.length === 0) return { ...result.data, accounts };
  throw new Error(`the server's settings are wrong:\n  ${lines.join('\n  ')}`);
}
