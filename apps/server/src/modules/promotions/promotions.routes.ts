// Promotions: automatic rules and coupon codes, one engine in the core for the shop and the register.
import {
  ActivePromotions,
  CouponRedemption,
  CreateCouponsBody,
  CreatedCoupons,
  CreatePromotionBody,
  PriceBasketBody,
  PricedBasketDto,
  Problem,
  Promotion,
  PromotionCoupon,
  PromotionListQuery,
  RedeemCouponBody,
  UpdatePromotionBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import { CUSTOMER_COOKIE } from '../accounts/accounts.routes';
import { findCustomerSession } from '../accounts/accounts.service';
import type { ModuleEnv } from '../module-env';
import { createCoupons, listCoupons, redeemCoupon } from './promotions.coupons.service';
import { priceBasketWithPromotions } from './promotions.pricing.service';
import {
  archivePromotion,
  createPromotion,
  getPromotion,
  listActivePromotions,
  listPromotions,
  updatePromotion,
} from './promotions.service';

const READ = { staff: MANAGERS, apiKey: 'catalog:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'catalog:write' } as const;
const tags = ['promotions'];
const Params = z.strictObject({ id: z.string().min(1).max(100) });
const VersionQuery = z.strictObject({ version: z.coerce.number().int().min(1) });

export function registerPromotionsRoutes(app: FastifyInstance, ctx: AppContext, _env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/promotions', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'List promotion rules by priority: current (not ended, not archived) unless asked otherwise',
      querystring: PromotionListQuery,
      response: { 200: z.object({ items: z.array(Promotion) }), 400: Problem },
    },
    handler: async (request) => ({ items: await listPromotions(ctx, request.query) }),
  });
  r.get('/api/promotions/active', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The rules in force now or later, in the engine’s shape, for the register’s offline cache',
      description:
        'Send the last ETag as If-None-Match: 304 when nothing changed. Price with priceBasket from @handla/core.',
      response: { 200: ActivePromotions, 304: z.null() },
    },
    handler: async (request, reply) => {
      const active = await listActivePromotions(ctx);
      reply.header('etag', active.etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === active.etag) return reply.status(304).send(null);
      return active;
    },
  });
  r.post('/api/promotions/price', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Price a basket with the promotions in force, an optional coupon and the member flag',
      description:
        'A signed-in shopper (the shop’s cookie) is priced as themselves: their price list, and member rules when they are a member.',
      body: PriceBasketBody,
      response: { 200: PricedBasketDto, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => {
      const account = await findCustomerSession(ctx, request.cookies[CUSTOMER_COOKIE]);
      return priceBasketWithPromotions(ctx, request.body, account?.customerId ?? null);
    },
  });
  r.post('/api/promotions/coupons/redeem', {
    config: { access: { staff: ALL_STAFF, apiKey: 'orders:write' } },
    schema: {
      tags,
      summary: 'Use a coupon once on an order or receipt; never past its limit (409 naming coupon)',
      body: RedeemCouponBody,
      response: { 200: CouponRedemption, 400: Problem, 409: Problem },
    },
    handler: async (request) => redeemCoupon(ctx, request.body),
  });
  r.get('/api/promotions/:id', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'One promotion rule',
      params: Params,
      response: { 200: Promotion, 404: Problem },
    },
    handler: async (request) => getPromotion(ctx, request.params.id),
  });
  r.post('/api/promotions', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Create a promotion rule (see docs/promotions.md for the kinds and how they combine)',
      body: CreatePromotionBody,
      response: { 201: Promotion, 400: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createPromotion(ctx, request.body)),
  });
  r.patch('/api/promotions/:id', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Change a promotion rule',
      params: Params,
      body: UpdatePromotionBody,
      response: { 200: Promotion, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updatePromotion(ctx, request.params.id, request.body),
  });
  r.delete('/api/promotions/:id', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Archive a promotion rule: it stops applying at once',
      params: Params,
      querystring: VersionQuery,
      response: { 200: Promotion, 404: Problem, 409: Problem },
    },
    handler: async (request) => archivePromotion(ctx, request.params.id, request.query.version),
  });
  r.get('/api/promotions/:id/coupons', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The coupon codes of a rule and how often each was used',
      params: Params,
      response: { 200: z.object({ items: z.array(PromotionCoupon) }), 404: Problem },
    },
    handler: async (request) => ({ items: await listCoupons(ctx, request.params.id) }),
  });
  r.post('/api/promotions/:id/coupons', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Create a batch of single-use codes or one shared code with a limit',
      params: Params,
      body: CreateCouponsBody,
      response: { 201: CreatedCoupons, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createCoupons(ctx, request.params.id, request.body)),
  });
}
