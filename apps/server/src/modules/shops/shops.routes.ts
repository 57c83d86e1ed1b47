// Several web shops: the shop a host name opens (public, for the storefront) and the managers'
// list and edits. The host name is Fastify's `hostname`: X-Forwarded-Host only with TRUST_PROXY.
import {
  CreateShopBody,
  PricedBasketDto,
  Problem,
  PublicShop,
  ShippingMethodCountriesBody,
  Shop,
  ShopCartPriceBody,
  ShopPrices,
  ShopPricesQuery,
  ShopShippingMethod,
  UpdateShopBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import { CUSTOMER_COOKIE } from '../accounts/accounts.routes';
import { findCustomerSession } from '../accounts/accounts.service';
import type { ModuleEnv } from '../module-env';
import { priceShopCart } from './shop-cart';
import { shopOfHost } from './shop-context';
import {
  createShop,
  getShop,
  listShippingMethodsWithCountries,
  listShopPrices,
  listShops,
  setShippingMethodCountries,
  updateShop,
  viewPublicShop,
} from './shops.service';

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

  r.post('/api/shop/cart/price', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        "The cart in this host name's shop's prices and currency, with the web's promotions and the coupon",
      description: 'Priced as the checkout prices it; a signed-in shopper (the shop’s cookie) as themselves.',
      body: ShopCartPriceBody,
      response: { 200: PricedBasketDto, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => {
      const account = await findCustomerSession(ctx, request.cookies[CUSTOMER_COOKIE]);
      const shop = await shopOfHost(ctx, request.hostname);
      return priceShopCart(ctx, shop, request.body, account?.customerId ?? null);
    },
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
      summary: 'Every active shipping method with the countries it goes to, whichever shop offers it',
      response: { 200: z.object({ items: z.array(ShopShippingMethod) }) },
    },
    handler: async () => ({ items: await listShippingMethodsWithCountries(ctx) }),
  });

  r.put('/api/shops/shipping-methods/:id/countries', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: "Where a shipping method goes ([] = each shop's own country only)",
      params: IdParams,
      body: ShippingMethodCountriesBody,
      response: { 200: ShopShippingMethod, 400: Problem, 404: Problem },
    },
    handler: async (request) => setShippingMethodCountries(ctx, request.params.id, request.body.countries),
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
