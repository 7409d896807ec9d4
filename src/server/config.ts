import { z } from 'zod';

// The server's settings, from the environment (docs/server.md lists them). A wrong value
// stops the start with a sentence naming the variable, rather than a server that half works.

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

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
  TOW_RATE_LIMIT: int(1, 1_000_000).default(300),
  TOW_WS_RATE: int(1, 100_000).default(20),
  TOW_SIGNING_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  TOW_ADMIN_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  TOW_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'an http:// or https:// address' })
    .optional(),
  TOW_LTI_RETRY_SECONDS: int(1, 86_400).default(30),
});

export type ServerEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv): ServerEnv {
  // an empty variable counts as unset, as in most shells' habits (FOO= npm start)
  const set = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(set);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  throw new Error(`the server's settings are wrong:\n  ${lines.join('\n  ')}`);
}
