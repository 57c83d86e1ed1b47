// The catalog over HTTP: the shop's public product list, the register's SKU lookup and search,
// and (catalog-admin.routes) the back office's categories, products, SKUs and bundles.
import {
  Problem,
  Product,
  ProductListQuery,
  page,
  SkuLookupQuery,
  SkuSearchQuery,
  SkuSearchResult,
  SkuSummary,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { ALL_STAFF } from '../../http/access';
import { listProducts, lookupSku, searchSkus } from './catalog.service';
import { registerCatalogAdminRoutes } from './catalog-admin.routes';

export function registerCatalogRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/products', {
    config: { access: 'public' },
    schema: {
      tags: ['catalog'],
      summary: 'List active products with variants and retail prices',
      querystring: ProductListQuery,
      response: { 200: page(Product), 400: Problem },
    },
    handler: async (request) => listProducts(ctx, request.query),
  });
  r.get('/api/skus/lookup', {
    config: { access: { staff: ALL_STAFF, apiKey: 'catalog:read' } },
    schema: {
      tags: ['catalog'],
      summary: 'The SKU with a scanned EAN (any GTIN spelling) or an exact article number',
      querystring: SkuLookupQuery,
      response: { 200: SkuSummary, 400: Problem, 404: Problem },
    },
    handler: async (request) => lookupSku(ctx, request.query.code),
  });
  r.get('/api/skus', {
    config: { access: { staff: ALL_STAFF, apiKey: 'catalog:read' } },
    schema: {
      tags: ['catalog'],
      summary: 'Search SKUs by name words, article-number prefix or EAN prefix (the register’s search field)',
      querystring: SkuSearchQuery,
      response: { 200: SkuSearchResult, 400: Problem },
    },
    handler: async (request) => ({ items: await searchSkus(ctx, request.query) }),
  });
  registerCatalogAdminRoutes(app, ctx);
}
