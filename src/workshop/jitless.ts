import { config } from 'zod';

// Imported first by the facilitator's page: zod must never try to compile its parsers with
// `new Function`, which the page's Content-Security-Policy forbids (each try is reported as
// a CSP violation). Modules are evaluated in import order, so this runs before any schema.
config({ jitless: true });
