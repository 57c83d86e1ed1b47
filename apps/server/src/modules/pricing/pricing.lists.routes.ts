// Price lists, the prices in them, and stores' price overrides.
import {
  BulkSetPricesBody,
  CreatePriceListBody,
  ListPriceParams,
  PageQuery,
  PriceList,
  PriceListQuery,
  Problem,
  page,
  SetPriceBody,
  SkuPrice,
  StorePriceParams,
  UpdatePriceListBody,
  VersionQuery,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import {
  createPriceList,
  getPriceList,
  listPriceLists,
  updatePriceList,
} from './pricing.price-lists.service';
import { listPrices, removePrice, setPrices } from './pricing.prices.service';

const READ = { staff: ALL_STAFF, apiKey: 'catalog:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'catalog:write' } as const;
const tags = ['pricing'];
const ListParams = z.strictObject({ id: ListPriceParams.shape.id });
const StoreParams = z.strictObject({ storeId: StorePriceParams.shape.storeId });

export function registerPriceListRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/price-lists', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'List price lists',
      querystring: PageQuery,
      response: { 200: page(PriceList), 400: Problem },
    },
    handler: async (request) => listPriceLists(ctx, request.query),
  });
  r.post('/api/price-lists', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Create a price list (B2B unless said otherwise)',
      body: CreatePriceListBody,
      response: { 201: PriceList, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createPriceList(ctx, request.body)),
  });
  r.get('/api/price-lists/:id', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'One price list',
      params: ListParams,
      response: { 200: PriceList, 404: Problem },
    },
    handler: async (request) => getPriceList(ctx, request.params.id),
  });
  r.patch('/api/price-lists/:id', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Rename a price list or change its code',
      params: ListParams,
      body: UpdatePriceListBody,
      response: { 200: PriceList, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updatePriceList(ctx, request.params.id, request.body),
  });
  r.get('/api/price-lists/:id/prices', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The prices in a list, by SKU',
      params: ListParams,
      querystring: PriceListQuery,
      response: { 200: page(SkuPrice), 400: Problem, 404: Problem },
    },
    handler: async (request) =>
      listPrices(ctx, { kind: 'list', priceListId: request.params.id }, request.query),
  });
  r.put('/api/price-lists/:id/prices/:skuId', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: "Set a SKU's price in a list; an existing price needs its version",
      params: ListPriceParams,
      body: SetPriceBody,
      response: { 200: SkuPrice, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => {
      const { id, skuId } = request.params;
      const [price] = await setPrices(
        ctx,
        { kind: 'list', priceListId: id },
        [{ skuId, ...request.body }],
        true,
      );
      return price!;
    },
  });
  r.post('/api/price-lists/:id/prices/bulk', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Set up to 1000 prices in a list at once: all of them or none',
      params: ListParams,
      body: BulkSetPricesBody,
      response: { 200: z.object({ items: z.array(SkuPrice) }), 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => ({
      items: await setPrices(ctx, { kind: 'list', priceListId: request.params.id }, request.body.items),
    }),
  });
  r.delete('/api/price-lists/:id/prices/:skuId', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: "Remove a SKU's price from a list",
      params: ListPriceParams,
      querystring: VersionQuery,
      response: { 204: z.null(), 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      const { id, skuId } = request.params;
      await removePrice(ctx, { kind: 'list', priceListId: id }, skuId, request.query.version);
      return reply.status(204).send(null);
    },
  });
  r.get('/api/stores/:storeId/price-overrides', {
    config: { access: READ },
    schema: {
      tags,
      summary: "A store's own retail prices, by SKU",
      params: StoreParams,
      querystring: PriceListQuery,
      response: { 200: page(SkuPrice), 400: Problem, 404: Problem },
    },
    handler: async (request) =>
      listPrices(ctx, { kind: 'store', storeId: request.params.storeId }, request.query),
  });
  r.put('/api/stores/:storeId/price-overrides/:skuId', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: "Set a store's own retail price for a SKU; an existing one needs its version",
      params: StorePriceParams,
      body: SetPriceBody,
      response: { 200: SkuPrice, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => {
      const { storeId, skuId } = request.params;
      const [price] = await setPrices(ctx, { kind: 'store', storeId }, [{ skuId, ...request.body }], true);
      return price!;
    },
  });
  r.delete('/api/stores/:storeId/price-overrides/:skuId', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: "Remove a store's override; the store sells at the retail price again",
      params: StorePriceParams,
      querystring: VersionQuery,
      response: { 204: z.null(), 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      const { storeId, skuId } = request.params;
      await removePrice(ctx, { kind: 'store', storeId }, skuId, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
