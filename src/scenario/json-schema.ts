import { z } from 'zod';
import { scenarioSchema } from './schema.ts';

/** The published JSON Schema, as the text of schema/scenario.schema.json. */
export function jsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Tug of War scenario' }, null, 2)}\n`;
}
