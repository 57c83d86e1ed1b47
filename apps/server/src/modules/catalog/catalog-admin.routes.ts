// /api/catalog: the back office's categories, products, SKUs and bundles. Staff and catalog:read
// keys read; managers and catalog:write keys write; every edit carries the version it was based on.
import {
  AddSkuBody,
  CatalogProduct,
  CatalogProductListQuery,
  CatalogSku,
  Category,
  CategoryTree,
  CreateCategoryBody,
  CreateProductBody,
  Problem,
  page,
  SetBundleComponentsBody,
  SetProductStatusBody,
  UpdateCategoryBody,
  UpdateProductBody,
  UpdateSkuBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import { createCategory, listCategoryTree, updateCategory } from './categories.service';
import { createProduct } from './product-create.service';
import {
  getCatalogProduct,
  listCatalogProducts,
  setCatalogProductStatus,
  updateCatalogProduct,
} from './products.service';
import { addSku, setBundleComponents, updateSku } from './skus.service';

const READ = { access: { staff: ALL_STAFF, apiKey: 'catalog:read' } } as const;
const WRITE = { access: { staff: MANAGERS, apiKey: 'catalog:write' } } as const;
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
const tags = ['catalog'];
/** Answers of a write: the refusals any of them may give. */
const refusals = { 400: Problem, 404: Problem, 409: Problem };

export function registerCatalogAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/catalog/categories', {
    config: READ,
    schema: { tags, summary: 'The category tree', response: { 200: CategoryTree } },
    handler: async () => ({ items: await listCategoryTree(ctx) }),
  });
  r.post('/api/catalog/categories', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Create a category, at the top or under a parent',
      body: CreateCategoryBody,
      response: { 201: Category, ...refusals },
    },
    handler: async (request, reply) => reply.status(201).send(await createCategory(ctx, request.body)),
  });
  r.patch('/api/catalog/categories/:id', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Rename, move or reorder a category (409 version_conflict on a stale version)',
      params: IdParams,
      body: UpdateCategoryBody,
      response: { 200: Category, ...refusals },
    },
    handler: async (request) => updateCategory(ctx, request.params.id, request.body),
  });

  r.get('/api/catalog/products', {
    config: READ,
    schema: {
      tags,
      summary: 'List products of any status, by slug; filter by status, category (with sub-categories), text',
      querystring: CatalogProductListQuery,
      response: { 200: page(CatalogProduct), 400: Problem },
    },
    handler: async (request) => listCatalogProducts(ctx, request.query),
  });
  r.post('/api/catalog/products', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Create a product: option templates generate its SKUs, each with the base or its own price',
      body: CreateProductBody,
      response: { 201: CatalogProduct, ...refusals },
    },
    handler: async (request, reply) => reply.status(201).send(await createProduct(ctx, request.body)),
  });
  r.get('/api/catalog/products/:id', {
    config: READ,
    schema: {
      tags,
      summary: 'One product with every SKU',
      params: IdParams,
      response: { 200: CatalogProduct, 404: Problem },
    },
    handler: async (request) => getCatalogProduct(ctx, request.params.id),
  });
  r.patch('/api/catalog/products/:id', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Change a product’s names, texts, category, tax class or warranty (409 on a stale version)',
      params: IdParams,
      body: UpdateProductBody,
      response: { 200: CatalogProduct, ...refusals },
    },
    handler: async (request) => updateCatalogProduct(ctx, request.params.id, request.body),
  });
  r.put('/api/catalog/products/:id/status', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Set a product active, hidden (not in the web shop) or discontinued',
      params: IdParams,
      body: SetProductStatusBody,
      response: { 200: CatalogProduct, ...refusals },
    },
    handler: async (request) => setCatalogProductStatus(ctx, request.params.id, request.body),
  });
  r.post('/api/catalog/products/:id/skus', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Add a variant (SKU) to a product',
      params: IdParams,
      body: AddSkuBody,
      response: { 201: CatalogSku, ...refusals },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addSku(ctx, request.params.id, request.body)),
  });
  r.patch('/api/catalog/skus/:id', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Change a SKU’s article number, EAN, weight, images or status (409 on a stale version)',
      params: IdParams,
      body: UpdateSkuBody,
      response: { 200: CatalogSku, ...refusals },
    },
    handler: async (request) => updateSku(ctx, request.params.id, request.body),
  });
  r.put('/api/catalog/skus/:id/components', {
    config: WRITE,
    schema: {
      tags,
      summary: 'Set the components of a bundle product’s SKU (no bundles, nothing discontinued)',
      params: IdParams,
      body: SetBundleComponentsBody,
      response: { 200: CatalogSku, ...refusals },
    },
    handler: async (request) => setBundleComponents(ctx, request.params.id, request.body),
  });
}
