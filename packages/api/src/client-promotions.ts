// The promotions area of the typed client: rules, coupon codes, the active set and basket pricing.
// Types only from the contract file, so browser bundles stay free of zod.
import type { Transport } from './client';
import type { NotCountedCouponUse } from './coupon-uses';
import type {
  ActivePromotions,
  CouponRedemption,
  CreateCouponsBody,
  CreatedCoupons,
  CreatePromotionBody,
  PriceBasketBody,
  PricedBasketDto,
  Promotion,
  PromotionCoupon,
  PromotionListQuery,
  UpdatePromotionBody,
} from './promotions';

/** A rule to create: the name and effect, the rest with the server's defaults. */
export type NewPromotion = Partial<CreatePromotionBody> & Pick<CreatePromotionBody, 'name' | 'effect'>;

export function createPromotionsClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/promotions: current rules by priority unless `status` says otherwise. */
    list: (status: PromotionListQuery['status'] = 'current') =>
      request<{ items: Promotion[] }>('GET', `/api/promotions?status=${status}`),
    get: (id: string) => request<Promotion>('GET', `/api/promotions/${enc(id)}`),
    create: (body: NewPromotion) => request<Promotion>('POST', '/api/promotions', body),
    update: (id: string, body: UpdatePromotionBody) =>
      request<Promotion>('PATCH', `/api/promotions/${enc(id)}`, body),
    /** DELETE /api/promotions/:id: archives the rule. */
    archive: (id: string, version: number) =>
      request<Promotion>('DELETE', `/api/promotions/${enc(id)}?version=${version}`),
    coupons: (id: string) =>
      request<{ items: PromotionCoupon[] }>('GET', `/api/promotions/${enc(id)}/coupons`),
    createCoupons: (id: string, body: CreateCouponsBody) =>
      request<CreatedCoupons>('POST', `/api/promotions/${enc(id)}/coupons`, body),
    /** GET …/:id/coupons/not-counted: register uses booked past the limit, for a manager to review. */
    notCountedCouponUses: (id: string) =>
      request<{ items: NotCountedCouponUse[] }>('GET', `/api/promotions/${enc(id)}/coupons/not-counted`),
    redeemCoupon: (coupon: string, reference: string) =>
      request<CouponRedemption>('POST', '/api/promotions/coupons/redeem', { coupon, reference }),
    /** GET /api/promotions/active: the rule set to price with offline. */
    active: () => request<ActivePromotions>('GET', '/api/promotions/active'),
    /** POST /api/promotions/price: a basket priced with the rules in force. */
    price: (body: Partial<PriceBasketBody> & Pick<PriceBasketBody, 'lines'>) =>
      request<PricedBasketDto>('POST', '/api/promotions/price', body),
  };
}
