import type { FastifyRequest } from 'fastify';
import { originOf } from '../lti/options.ts';

// The CSRF guard of cookie-signed requests, beside SameSite=Strict: a request that changes
// something must say it comes from this server's own pages. Browsers put an Origin header
// on every cross-site request and on same-site POST, PUT, PATCH and DELETE; a page of
// another site cannot forge it.

/** true, or the sentence refusing the request. */
export function sameOrigin(req: FastifyRequest, publicUrl: string | null): true | string {
  const origin = req.headers.origin;
  const own = originOf(req, { publicUrl });
  if (origin === undefined)
    return "this request changes something while signed in but does not say which page sent it (no Origin header): send it from this server's pages";
  if (origin !== own)
    return `a request from another site (${origin.slice(0, 100)}) cannot act on this server's sign-in`;
  return true;
}
