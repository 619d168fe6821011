import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';

/** Paths that belong to the API (or its docs, or the simulator), never to the console: they keep their own 404. */
const API_PREFIXES = ['/v1', '/device', '/docs', '/health', '/sim', '/assets'];

const ownedByApi = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** A file Vite copies from `public/` into the root of dist (favicon.ico, robots.txt): one segment with a dot. */
const ROOT_FILE = /^\/[A-Za-z0-9][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

/** True when CONSOLE_DIR holds a built console (its index.html), decided once at boot. */
export function consoleBuilt(config: AppConfig): boolean {
  return existsSync(join(config.consoleDir, 'index.html'));
}

/** A browser navigation (a bookmark, a reload) asks for text/html; fetch() and API clients do not. */
const acceptsHtml = (request: FastifyRequest) => /\btext\/html\b/.test(request.headers.accept ?? '');

/**
 * The merchant console, served by the API process from CONSOLE_DIR (Vite's build):
 * - `/assets/*`: the hashed bundles, `Cache-Control: public, max-age=31536000, immutable`; a missing one is the API's 404;
 * - `index.html` for `/` (whatever it accepts) and every other GET that asks for HTML outside the API's paths (the console's own routes:
 *   `/devices/…`, `/login`, a bookmark), `Cache-Control: no-cache`, so a new build is picked up at the next load;
 * - other files at the root of dist (favicon.ico), `no-cache`.
 * Everything else, and every path under /v1, /device, /docs, /health, /sim, stays the API's (404 problem+json when unknown).
 * Nothing is registered when no console is built; `/` is then the landing page (HomeModule). Files are read per request,
 * so a rebuild while the API runs is served without a restart.
 */
export function installConsole(app: NestFastifyApplication, config: AppConfig): void {
  if (!consoleBuilt(config)) return;
  const root = config.consoleDir;
  // registered like the docs' assets, before app.init(); Fastify loads it with the other plugins
  void app.getHttpAdapter().getInstance().register(async (scope) => {
    await scope.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      cacheControl: false,
      index: false,
      setHeaders: (reply) => void reply.header('cache-control', 'public, max-age=31536000, immutable'),
    });
    // reply.sendFile inside this scope only (the docs' own static plugin decorates nothing either)
    await scope.register(fastifyStatic, { root, serve: false, cacheControl: false, index: false });
    const page = (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?', 1)[0]!;
      if (ownedByApi(path)) return reply.callNotFound();
      if (ROOT_FILE.test(path) && path !== '/index.html') return reply.header('cache-control', 'no-cache').sendFile(path.slice(1));
      // `/` is the console whatever the client asks for (curl, an uptime probe); deeper paths only for HTML
      if (path !== '/' && !acceptsHtml(request)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    };
    scope.get('/', page);
    scope.get('/*', page);
  });
}
