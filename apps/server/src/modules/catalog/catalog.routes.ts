// GET /api/products: the public product list, searchable and paginated.
import { Problem, Product, ProductListQuery, page } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { listProducts } from './catalog.service';

export function registerCatalogRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/products', {
    config: { access: 'public' },
    schema: {
      tags: ['catalog'],
      summary: 'List active products with variants and retail prices',
      querystring: ProductListQuery,
      response: { 200: page(Product), 400: Problem },
    },
    handler: async (request) => listProducts(ctx, request.query),
  });
}
