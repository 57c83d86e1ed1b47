// Serves the built web apps: the shop at /, the register at /pos, the back office at /admin.
// Each is a single-page app with hash routing, so its index.html is the only page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const APPS = [
  { dir: 'storefront', prefix: '/' },
  { dir: 'pos', prefix: '/pos/' },
  { dir: 'backoffice', prefix: '/admin/' },
] as const;

/** Registers static serving for every app whose build exists under `appsRoot`. */
export async function registerWebApps(app: FastifyInstance, appsRoot: string) {
  for (const { dir, prefix } of APPS) {
    const root = join(appsRoot, dir, 'dist');
    if (!existsSync(join(root, 'index.html'))) {
      app.log.warn(`${dir} is not built (run npm run build:web); ${prefix} will answer 404`);
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix,
      decorateReply: prefix === '/',
      wildcard: true,
      index: 'index.html',
    });
    if (prefix !== '/') app.get(prefix.slice(0, -1), (_request, reply) => reply.redirect(prefix));
  }
}
