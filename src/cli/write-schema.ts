import { writeFileSync } from 'node:fs';
import { jsonSchemaText } from '../scenario/json-schema.ts';

// Writes schema/scenario.schema.json; a test fails when it is out of date.
const target = new URL('../../schema/scenario.schema.json', import.meta.url);
writeFileSync(target, jsonSchemaText());
console.log(`wrote ${target.pathname}`);
