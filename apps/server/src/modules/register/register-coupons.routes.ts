// A coupon code typed or scanned at the register, checked before the cashier applies it. The
// register remembers shared codes it has checked, so it can take them offline (counted on sync).
import { Problem, RegisterCoupon } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { findUsableCoupon } from '../promotions/promotions.coupons.service';
import { requireDeviceOf, requireRegister } from './device-auth';
import { RegisterParams } from './devices.routes';

export function registerCouponRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/registers/:id/coupons/:code', {
    config: { access: 'public' },
    schema: {
      tags: ['register'],
      summary:
        'Paired device: a coupon code that can be used now, its rule and whether it is shared (400 unknown, 409 used up)',
      params: RegisterParams.extend({ code: z.string().trim().min(1).max(64) }),
      response: { 200: RegisterCoupon, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request): Promise<RegisterCoupon> => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOf(ctx, request, register.id);
      const coupon = await findUsableCoupon(ctx.db, request.params.code, 'code');
      return {
        code: coupon.code,
        ruleId: coupon.promotionId,
        // A one-use code could be used at another till while this one is offline: online only.
        isShared: coupon.maxRedemptions > 1,
        remaining: coupon.maxRedemptions - coupon.redemptionCount,
      };
    },
  });
}
