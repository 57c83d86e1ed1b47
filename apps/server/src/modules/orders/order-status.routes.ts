// The shopper's order-status page beyond the order itself: its parcels, and paying the difference
// after an edit. Public: the status token is the key.
import { PayDifferenceBody, PayDifferenceResult, Problem, ShopperShipments } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { viewShopperShipments } from '../shipping/shopper-shipments';
import { findOrder } from './orders.store';
import { payDifference } from './payment-difference';

const tags = ['orders'];
const TokenParams = z.strictObject({ token: z.string().max(100) });

export function registerOrderStatusRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/orders/status/:token/shipments', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: "The order's parcels: lines, carrier, tracking link and date of each",
      params: TokenParams,
      response: { 200: ShopperShipments, 404: Problem },
    },
    handler: async (request) => {
      const order = await findOrder(ctx.db, { statusToken: request.params.token });
      if (!order) {
        throw new DomainError('not_found', 'No such order.', [{ field: 'token', message: 'Unknown link' }]);
      }
      return viewShopperShipments(ctx.db, order);
    },
  });

  r.post('/api/orders/status/:token/payments', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Pay the difference after an edit raised the order: a second authorization (201; 200 for a repeated paymentId)',
      params: TokenParams,
      body: PayDifferenceBody,
      response: {
        200: PayDifferenceResult,
        201: PayDifferenceResult,
        400: Problem,
        402: Problem,
        404: Problem,
        409: Problem,
        502: Problem,
      },
    },
    handler: async (request, reply) => {
      const result = await payDifference(ctx, request.params.token, request.body);
      return reply.status(result.isNew ? 201 : 200).send(result.body);
    },
  });
}
