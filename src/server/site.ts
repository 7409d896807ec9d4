import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// The built site (Vite's output), with the caching docs/hosting.md gives: files in assets/
// are named by their content and kept a year; pages, the service worker and the manifest
// are checked on every visit so a new version reaches everyone at once.

export async function serveSite(app: FastifyInstance, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders(reply, path) {
      const kept = path.startsWith(resolve(root, 'assets'));
      reply.header('Cache-Control', kept ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (path.endsWith('.webmanifest')) reply.header('Content-Type', 'application/manifest+json');
    },
  });
  return true;
}
