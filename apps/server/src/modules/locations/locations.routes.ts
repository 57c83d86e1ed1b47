// GET /api/locations: the places that hold stock, for staff and integrations with stock:read.
import { StockLocation } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF } from '../../http/access';
import { listLocations } from './locations.lookups';

export function registerLocationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/locations', {
    config: { access: { staff: ALL_STAFF, apiKey: 'stock:read' } },
    schema: {
      tags: ['inventory'],
      summary: 'List stock locations: store shelves, warehouses and third-party warehouses',
      querystring: z.strictObject({ storeId: z.string().max(100).optional() }),
      response: { 200: z.object({ items: z.array(StockLocation) }) },
    },
    handler: async (request) => ({ items: await listLocations(ctx.db, request.query) }),
  });
}
