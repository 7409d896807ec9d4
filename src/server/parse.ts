import { type ZodType, z } from 'zod';
import { RoomError } from './errors.ts';

/** `value` checked against a protocol schema, or a `malformed` refusal that says what is wrong. */
export function parseOrRefuse<T>(schema: ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = z.prettifyError(result.error).replace(/\s*\n\s*/g, '; ');
  throw new RoomError('malformed', `${what}: ${details}`.slice(0, 500));
}
