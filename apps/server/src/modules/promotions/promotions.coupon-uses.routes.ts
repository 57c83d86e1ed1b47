// Register coupon uses the server could not count (a code taken offline after its limit was
// reached, or after its rule ended): listed per rule for a manager to review over-limit use.
import { NotCountedCouponUseList, Problem } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { notFound } from '../pricing/pricing.shared';
import { listNotCountedCouponUses } from './promotions.coupon-uses.store';
import { findPromotionRow } from './promotions.store';

const Params = z.strictObject({ id: z.string().min(1).max(100) });

export function registerCouponUsesRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/promotions/:id/coupons/not-counted', {
    // Receipts are sales data: an integration reads them with the reports scope, not the catalog's.
    config: { access: { staff: MANAGERS, apiKey: 'reports:read' } },
    schema: {
      tags: ['promotions'],
      summary: 'Register uses of the rule’s codes that were not counted (sold offline past the limit)',
      description:
        'By code, newest sale first; each with its receipt, register, store and times. A manager of one store sees that store’s.',
      params: Params,
      response: { 200: NotCountedCouponUseList, 404: Problem },
    },
    handler: async (request) => {
      if (!(await findPromotionRow(ctx.db, request.params.id))) {
        throw notFound('promotion', request.params.id, 'id');
      }
      // As with the registers' receipts: a manager of one store sees that store's sales; owners,
      // company-wide staff and API keys see every store's.
      const p = request.principal;
      const storeId = p?.kind === 'staff' && p.role !== 'owner' ? p.storeId : null;
      return { items: await listNotCountedCouponUses(ctx.db, request.params.id, storeId) };
    },
  });
}
