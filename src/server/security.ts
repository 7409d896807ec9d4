import type { FastifyHelmetOptions } from '@fastify/helmet';

// The headers every answer carries, static files, API and errors alike: the pages' own
// Content-Security-Policy plus frame-ancestors (only a header can say that), no sniffing,
// no referrer. The same policy as docs/hosting/nginx.conf, which a test holds equal, so the
// site is as safe from this server as from the documented static hosting.

export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'self'"],
};

export const helmetOptions: FastifyHelmetOptions = {
  global: true,
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  referrerPolicy: { policy: 'no-referrer' },
  // HTTPS is the business of whatever terminates TLS in front of this server; over plain
  // HTTP (a laptop in a training room) the header would only confuse
  strictTransportSecurity: false,
  // same-origin pages only; the default would also block the app manifest's icon in some browsers
  crossOriginEmbedderPolicy: false,
};
