// The HTTP contract of promotions: rules (the engine's shape from @handla/core), coupon codes, the
// active rule set the register caches, and pricing a basket for the web shop.
import { z } from 'zod';

const Id = z.string().min(1).max(100);
const Instant = z.iso.datetime({ offset: true });
const Amount = z.number().int().min(1).max(1_000_000_000);
const PercentBp = z.number().int().min(1).max(10_000);
const Count = z.number().int().min(1).max(1000);

/** Which lines a rule looks at; a category covers its subcategories; brands by name. */
export const PromotionTargetDto = z
  .strictObject({
    kind: z.enum(['all', 'product', 'category', 'brand']),
    ids: z.array(z.string().min(1).max(100)).max(500),
  })
  .meta({ id: 'PromotionTarget' });

/** What a rule does (see docs/promotions.md). Amounts in öre incl. VAT, percentages in basis points. */
export const PromotionEffectDto = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('percent_off'), target: PromotionTargetDto, percentBp: PercentBp }),
    z.strictObject({ type: z.literal('amount_off'), target: PromotionTargetDto, amount: Amount }),
    z.strictObject({ type: z.literal('x_for_y'), target: PromotionTargetDto, buy: Count, pay: Count }),
    z.strictObject({
      type: z.literal('mix_match'),
      target: PromotionTargetDto,
      quantity: Count,
      price: Amount,
    }),
    z.strictObject({
      type: z.literal('bundle'),
      components: z
        .array(z.strictObject({ target: PromotionTargetDto, quantity: Count }))
        .min(1)
        .max(10),
      price: Amount,
    }),
    z.strictObject({
      type: z.literal('spend_threshold'),
      target: PromotionTargetDto,
      minSpend: Amount,
      amountOff: Amount.optional(),
      percentBp: PercentBp.optional(),
    }),
  ])
  .meta({ id: 'PromotionEffect' });
export type PromotionEffectDto = z.infer<typeof PromotionEffectDto>;

export const PromotionChannel = z.enum(['web', 'store']);

const RuleFields = {
  name: z.string().trim().min(1).max(200),
  effect: PromotionEffectDto,
  priority: z.number().int().min(-1000).max(1000),
  isExclusive: z.boolean(),
  isStackable: z.boolean(),
  startsAt: Instant.nullable(),
  endsAt: Instant.nullable(),
  channels: z.array(PromotionChannel).min(1).max(2),
  storeIds: z.array(Id).max(500).nullable(),
  membersOnly: z.boolean(),
  customerGroups: z.array(z.string().trim().min(1).max(100)).max(50),
  requiresCoupon: z.boolean(),
};

/** A rule as the engine takes it: what `GET /api/promotions/active` lists. */
export const ActivePromotionRule = z
  .object({
    id: z.string(),
    ...RuleFields,
    startsAt: z.iso.datetime().nullable(),
    endsAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ActivePromotionRule' });
export type ActivePromotionRule = z.infer<typeof ActivePromotionRule>;

/** A rule as managed in the back office. */
export const Promotion = ActivePromotionRule.extend({
  status: z.enum(['upcoming', 'active', 'ended', 'archived']),
  archivedAt: z.iso.datetime().nullable(),
  couponCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'Promotion' });
export type Promotion = z.infer<typeof Promotion>;

/** Query of `GET /api/promotions`. */
export const PromotionListQuery = z.strictObject({
  status: z.enum(['current', 'all', 'archived']).default('current'),
});
export type PromotionListQuery = z.infer<typeof PromotionListQuery>;

/** Body of `POST /api/promotions`; omitted fields take the defaults shown in the API reference. */
export const CreatePromotionBody = z.strictObject({
  name: RuleFields.name,
  effect: RuleFields.effect,
  priority: RuleFields.priority.default(0),
  isExclusive: z.boolean().default(false),
  isStackable: z.boolean().default(false),
  startsAt: RuleFields.startsAt.default(null),
  endsAt: RuleFields.endsAt.default(null),
  channels: RuleFields.channels.default(['web', 'store']),
  storeIds: RuleFields.storeIds.default(null),
  membersOnly: z.boolean().default(false),
  customerGroups: RuleFields.customerGroups.default([]),
  requiresCoupon: z.boolean().default(false),
});
export type CreatePromotionBody = z.infer<typeof CreatePromotionBody>;

/** Body of `PATCH /api/promotions/:id`: the fields to change and the version read. */
export const UpdatePromotionBody = z.strictObject({
  version: z.number().int().min(1),
  name: RuleFields.name.optional(),
  effect: RuleFields.effect.optional(),
  priority: RuleFields.priority.optional(),
  isExclusive: z.boolean().optional(),
  isStackable: z.boolean().optional(),
  startsAt: RuleFields.startsAt.optional(),
  endsAt: RuleFields.endsAt.optional(),
  channels: RuleFields.channels.optional(),
  storeIds: RuleFields.storeIds.optional(),
  membersOnly: z.boolean().optional(),
  customerGroups: RuleFields.customerGroups.optional(),
  requiresCoupon: z.boolean().optional(),
});
export type UpdatePromotionBody = z.infer<typeof UpdatePromotionBody>;

/** The rules in force now or later, for the register's offline cache; `etag` as in the header. */
export const ActivePromotions = z
  .object({ rules: z.array(ActivePromotionRule), etag: z.string(), generatedAt: z.iso.datetime() })
  .meta({ id: 'ActivePromotions' });
export type ActivePromotions = z.infer<typeof ActivePromotions>;

/** A coupon code and how often it has been used. */
export const PromotionCoupon = z
  .object({
    id: z.string(),
    promotionId: z.string(),
    code: z.string(),
    batchId: z.string(),
    maxRedemptions: z.number().int(),
    redemptionCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PromotionCoupon' });
export type PromotionCoupon = z.infer<typeof PromotionCoupon>;

const CouponCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{3,40}$/, '3–40 letters, digits or dashes');

/** Body of `POST /api/promotions/:id/coupons`: a batch of single-use codes, or one shared code. */
export const CreateCouponsBody = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('single_use'),
      count: z.number().int().min(1).max(10_000),
      prefix: z
        .string()
        .regex(/^[A-Z0-9]{0,10}$/, 'Up to 10 capital letters or digits')
        .default(''),
    }),
    z.strictObject({
      kind: z.literal('shared'),
      code: CouponCode,
      maxRedemptions: z.number().int().min(1).max(10_000_000),
    }),
  ])
  .meta({ id: 'CreateCouponsBody' });
export type CreateCouponsBody = z.infer<typeof CreateCouponsBody>;

/** The codes created by one `POST …/coupons`. */
export const CreatedCoupons = z.object({ batchId: z.string(), coupons: z.array(PromotionCoupon) });
export type CreatedCoupons = z.infer<typeof CreatedCoupons>;

/** Body of `POST /api/promotions/coupons/redeem`: one use of a code on an order or receipt. */
export const RedeemCouponBody = z.strictObject({ coupon: CouponCode, reference: Id });
export type RedeemCouponBody = z.infer<typeof RedeemCouponBody>;

/** A redemption; `isRepeat` when the same reference had already redeemed the code. */
export const CouponRedemption = z
  .object({ coupon: PromotionCoupon, reference: z.string(), isRepeat: z.boolean() })
  .meta({ id: 'CouponRedemption' });
export type CouponRedemption = z.infer<typeof CouponRedemption>;

/** The most units `POST /api/promotions/price` prices at once. */
export const MAX_BASKET_UNITS = 2000;

/** Body of `POST /api/promotions/price`: a basket as the web shop (or register) has it. */
export const PriceBasketBody = z.strictObject({
  lines: z
    .array(z.strictObject({ lineId: Id.optional(), skuId: Id, quantity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(200)
    // Group rules work unit by unit: a bound on the units keeps a public request's cost bounded.
    .refine((lines) => lines.reduce((sum, l) => sum + l.quantity, 0) <= MAX_BASKET_UNITS, {
      message: `At most ${MAX_BASKET_UNITS} units in all`,
    }),
  channel: PromotionChannel.default('web'),
  storeId: Id.nullable().default(null),
  coupon: CouponCode.nullable().default(null),
  isMember: z.boolean().default(false),
  at: Instant.optional(),
});
export type PriceBasketBody = z.infer<typeof PriceBasketBody>;

const AppliedDiscountDto = z.object({
  ruleId: z.string(),
  name: z.string(),
  level: z.enum(['item', 'basket']),
  amount: z.number().int(),
});

/** The engine's result: each line's discounts by rule name, the total and VAT per rate. */
export const PricedBasketDto = z
  .object({
    currency: z.string(),
    lines: z.array(
      z.object({
        lineId: z.string(),
        skuId: z.string(),
        quantity: z.number().int(),
        unitPriceInclVat: z.number().int(),
        vatRateBp: z.number().int(),
        grossAmount: z.number().int(),
        discounts: z.array(AppliedDiscountDto),
        discountAmount: z.number().int(),
        amountInclVat: z.number().int(),
      }),
    ),
    discounts: z.array(AppliedDiscountDto),
    appliedCouponCodes: z.array(z.string()),
    grossTotal: z.number().int(),
    discountTotal: z.number().int(),
    total: z.number().int(),
    vat: z.object({
      byRate: z.array(
        z.object({
          vatRateBp: z.number().int(),
          grossAmount: z.number().int(),
          netAmount: z.number().int(),
          vatAmount: z.number().int(),
        }),
      ),
      totalVat: z.number().int(),
      totalNet: z.number().int(),
    }),
  })
  .meta({ id: 'PricedBasket' });
export type PricedBasketDto = z.infer<typeof PricedBasketDto>;
