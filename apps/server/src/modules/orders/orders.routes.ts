// Routes of web orders: checkout, the public order-status page and its QR code, shipping methods,
// staff's order list and its ready/cancel actions; shopper accounts; the unpaid-order expiry job.
import { CheckoutBody, CheckoutResult, Order, OrderStatus, Problem, ShippingMethod } from '@handla/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { placeWebOrder } from '../../flows/place-web-order';
import { type Access, ALL_STAFF, MANAGERS } from '../../http/access';
import { CUSTOMER_COOKIE, registerAccountRoutes } from '../accounts/accounts.routes';
import { findCustomerSession } from '../accounts/accounts.service';
import type { ModuleEnv } from '../module-env';
import { shopOfHost } from '../shops/shop-context';
import { viewPublicShop } from '../shops/shops.service';
import { registerOrderStatusRoutes } from './order-status.routes';
import {
  cancelOrder,
  expireUncollectedOrders,
  expireUnpaidOrders,
  getOrderByStatusToken,
  getStaffOrder,
  listStaffOrders,
  markOrderReady,
  type OrderStaff,
  settleCancelledOrders,
  unlockOrder,
} from './orders.service';

const tags = ['orders'];
const ORDERS_READ: Access = { staff: ALL_STAFF, apiKey: 'orders:read' };
const IdParams = z.strictObject({ id: z.string().max(100) });
const TokenParams = z.strictObject({ token: z.string().max(100) });
const OrderListQuery = z.strictObject({
  status: OrderStatus.optional(),
  storeId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const CancelBody = z.strictObject({
  reason: z.string().trim().min(1).max(300).default('Cancelled by the shop'),
});
const PROBLEMS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

/** The caller of a staff or API-key route; cashiers are bound to their store. */
export function orderStaff(request: FastifyRequest): OrderStaff {
  const principal = request.principal;
  if (principal?.kind === 'staff') {
    return {
      kind: 'staff',
      id: principal.userId,
      storeId: principal.storeId,
      isStoreBound: principal.role === 'cashier',
    };
  }
  if (principal?.kind === 'apiKey') {
    return { kind: 'api', id: principal.keyId, storeId: null, isStoreBound: false };
  }
  throw new Error('unreachable: order routes require a signed-in caller');
}

export function registerOrdersRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  registerAccountRoutes(app, ctx, env.config);
  registerOrderStatusRoutes(app, ctx);
  // The context's clock rather than the scheduler's, so tests that set the clock move the job too.
  env.jobs.add({
    name: 'orders.expire-unpaid',
    everyMs: 60_000,
    run: () => expireUnpaidOrders(ctx, ctx.clock()),
  });
  env.jobs.add({
    name: 'orders.expire-uncollected',
    everyMs: 5 * 60_000,
    run: () => expireUncollectedOrders(ctx, ctx.clock()),
  });
  env.jobs.add({
    name: 'orders.settle-cancelled',
    everyMs: 10 * 60_000,
    run: () => settleCancelledOrders(ctx, ctx.clock()),
  });

  r.get('/api/shipping-methods', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "Home-delivery options with prices: those of the host name's shop",
      response: { 200: z.object({ items: z.array(ShippingMethod) }) },
    },
    handler: async (request) => ({
      items: (await viewPublicShop(ctx, await shopOfHost(ctx, request.hostname))).shippingMethods,
    }),
  });

  r.post('/api/checkout', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Place a web order: holds stock, books the slot, starts the payment (201; 200 for a repeated checkoutId)',
      body: CheckoutBody,
      response: { 200: CheckoutResult, 201: CheckoutResult, ...PROBLEMS, 402: Problem, 502: Problem },
    },
    handler: async (request, reply) => {
      const account = await findCustomerSession(ctx, request.cookies[CUSTOMER_COOKIE]);
      const { order, isNew } = await placeWebOrder(
        ctx,
        {
          publicUrl: env.config.publicUrl,
          customerId: account?.customerId ?? null,
          shopHost: request.hostname,
        },
        request.body,
      );
      return reply.status(isNew ? 201 : 200).send({ order });
    },
  });

  r.get('/api/orders/status/:token', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The order-status page, by its unguessable link',
      params: TokenParams,
      response: { 200: Order, 404: Problem },
    },
    handler: async (request) => getOrderByStatusToken(ctx, request.params.token),
  });

  r.get('/api/orders/status/:token/qr.svg', {
    config: { access: 'public' },
    schema: { tags, summary: 'The pickup code as a QR code (SVG)', params: TokenParams },
    handler: async (request, reply) => {
      const order = await getOrderByStatusToken(ctx, request.params.token);
      if (!order.pickupCode) return reply.callNotFound();
      const svg = await QRCode.toString(order.pickupCode, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 2,
      });
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
    },
  });

  r.get('/api/orders', {
    config: { access: ORDERS_READ },
    schema: {
      tags,
      summary: 'Web orders, newest first; cashiers see their own store only',
      querystring: OrderListQuery,
      response: { 200: z.object({ items: z.array(Order) }), ...PROBLEMS },
    },
    handler: async (request) => ({ items: await listStaffOrders(ctx, orderStaff(request), request.query) }),
  });

  r.get('/api/orders/:id', {
    config: { access: ORDERS_READ },
    schema: { tags, summary: 'One order', params: IdParams, response: { 200: Order, ...PROBLEMS } },
    handler: async (request) => getStaffOrder(ctx, orderStaff(request), request.params.id),
  });

  r.post('/api/orders/:id/ready', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'Mark a pickup order ready; the shopper gets the "ready for pickup" message',
      params: IdParams,
      response: { 200: Order, ...PROBLEMS },
    },
    handler: async (request) => markOrderReady(ctx, orderStaff(request), request.params.id),
  });

  r.post('/api/orders/:id/cancel', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Cancel an order: stock and slot released, the payment voided or refunded, the shopper told',
      params: IdParams,
      body: CancelBody.optional(),
      response: { 200: Order, ...PROBLEMS },
    },
    handler: async (request) =>
      cancelOrder(
        ctx,
        orderStaff(request),
        request.params.id,
        request.body?.reason ?? 'Cancelled by the shop',
      ),
  });
  r.post('/api/orders/:id/unlock', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary:
        'Free an order a register holds while picking (emits order.updated); a free order stays as it is',
      params: IdParams,
      response: { 200: Order, ...PROBLEMS },
    },
    handler: async (request) => unlockOrder(ctx, orderStaff(request), request.params.id),
  });
}
