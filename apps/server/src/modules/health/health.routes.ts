// GET /api/health: the server answers and its database answers.
import { Health } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ServerConfig } from '../../config';
import type { AppContext } from '../../context';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext, config: ServerConfig) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } },
    handler: async () => {
      await ctx.db.query('select 1');
      return { status: 'ok' as const, database: ctx.db.kind, version: config.version };
    },
  });
}
