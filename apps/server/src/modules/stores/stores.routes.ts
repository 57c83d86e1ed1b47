// GET /api/stores: public, for the shop's store picker and the register.
import { Store } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { listStoreRows } from './stores.store';

export function registerStoreRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/stores', {
    config: { access: 'public' },
    schema: {
      tags: ['stores'],
      summary: 'List stores with opening hours',
      response: { 200: z.object({ items: z.array(Store) }) },
    },
    handler: async () => ({ items: await listStoreRows(ctx.db) }),
  });
}
