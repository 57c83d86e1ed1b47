// Several web shops: the shop a host name opens (public, for the storefront) and the managers'
// list and edits. The host name is Fastify's `hostname`: X-Forwarded-Host only with TRUST_PROXY.
import {
  CreateShopBody,
  Problem,
  PublicShop,
  ShippingMethod,
  Shop,
  ShopPrices,
  ShopPricesQuery,
  UpdateShopBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { listShippingMethods } from '../orders/orders.service';
import { shopOfHost } from './shop-context';
import { createShop, getShop, listShopPrices, listShops, updateShop, viewPublicShop } from './shops.service';

const tags = ['shops'];
const READ = { staff: ALL_STAFF, apiKey: 'catalog:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'catalog:write' } as const;
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

export function registerShopsRoutes(app: FastifyInstance, ctx: AppContext, _env: ModuleEnv): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/shop', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The shop of this host name (the default shop for any other): what the storefront starts with',
      response: { 200: PublicShop },
    },
    handler: async (request) => viewPublicShop(ctx, await shopOfHost(ctx, request.hostname)),
  });

  r.get('/api/shop/prices', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "A page of this host name's shop's prices (incl. VAT) of active SKUs, by SKU id",
      querystring: ShopPricesQuery,
      response: { 200: ShopPrices, 400: Problem },
    },
    handler: async (request) => listShopPrices(ctx, await shopOfHost(ctx, request.hostname), request.query),
  });

  r.get('/api/shops', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Every shop, the default first',
      response: { 200: z.object({ items: z.array(Shop) }) },
    },
    handler: async () => ({ items: await listShops(ctx) }),
  });

  r.get('/api/shops/shipping-methods', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Every active shipping method, whichever shop offers it (to choose from)',
      response: { 200: z.object({ items: z.array(ShippingMethod) }) },
    },
    handler: async () => ({ items: await listShippingMethods(ctx) }),
  });

  r.get('/api/shops/:id', {
    config: { access: READ },
    schema: { tags, summary: 'One shop', params: IdParams, response: { 200: Shop, 404: Problem } },
    handler: async (request) => getShop(ctx, request.params.id),
  });

  r.post('/api/shops', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Add a shop (409 naming hostNames[i] when another shop has that host name)',
      body: CreateShopBody,
      response: { 201: Shop, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createShop(ctx, request.body)),
  });

  r.patch('/api/shops/:id', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Change a shop (409 version_conflict on a stale version)',
      params: IdParams,
      body: UpdateShopBody,
      response: { 200: Shop, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateShop(ctx, request.params.id, request.body),
  });
}
