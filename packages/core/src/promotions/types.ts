// The language of the promotion engine, shared by the server, the web shop and the register (also
// offline). Amounts are integer minor units (öre) incl. VAT; percentages are basis points
// (10 % = 1000); instants are ISO 8601 UTC strings passed in by the caller (the core has no clock).

/** Which basket lines a rule looks at: everything, or lines of some products, categories or brands. */
export interface PromotionTarget {
  readonly kind: 'all' | 'product' | 'category' | 'brand';
  /** Product ids, category ids (a category covers its subcategories) or brand names; empty for `all`. */
  readonly ids: readonly string[];
}

/** One component of a bundle: `quantity` units from the target. */
export interface PromotionBundleComponent {
  readonly target: PromotionTarget;
  readonly quantity: number;
}

/** What a rule does; item-level effects work on units, `spend_threshold` on the basket. */
export type PromotionEffect =
  | { readonly type: 'percent_off'; readonly target: PromotionTarget; readonly percentBp: number }
  /** `amount` off each unit. */
  | { readonly type: 'amount_off'; readonly target: PromotionTarget; readonly amount: number }
  /** "3 för 2": in each group of `buy` units, the `buy − pay` cheapest are free. */
  | { readonly type: 'x_for_y'; readonly target: PromotionTarget; readonly buy: number; readonly pay: number }
  /** Any `quantity` units of the target for `price` together. */
  | {
      readonly type: 'mix_match';
      readonly target: PromotionTarget;
      readonly quantity: number;
      readonly price: number;
    }
  /** The components together for `price`. */
  | {
      readonly type: 'bundle';
      readonly components: readonly PromotionBundleComponent[];
      readonly price: number;
    }
  /** Spend at least `minSpend` on the target (after item discounts), save `amountOff` or `percentBp`. */
  | {
      readonly type: 'spend_threshold';
      readonly target: PromotionTarget;
      readonly minSpend: number;
      readonly amountOff?: number;
      readonly percentBp?: number;
    };

export type PromotionEffectType = PromotionEffect['type'];

/** A promotion rule: its effect and when, where and for whom it applies. */
export interface PromotionRule {
  readonly id: string;
  /** Printed on the receipt and the order beside the discount. */
  readonly name: string;
  readonly effect: PromotionEffect;
  /** Higher goes first; ties go to the smaller id. */
  readonly priority: number;
  /** When it applies, nothing else does (the engine picks the best for the customer). */
  readonly isExclusive: boolean;
  /** May apply on top of another rule on the same units (item level) or basket. */
  readonly isStackable: boolean;
  /** Applies from `startsAt` (inclusive) until `endsAt` (exclusive); null is open-ended. */
  readonly startsAt: string | null;
  readonly endsAt: string | null;
  /** Where: the channels, and for `store` the store ids (null: every store). */
  readonly channels: readonly PromotionChannel[];
  readonly storeIds: readonly string[] | null;
  readonly membersOnly: boolean;
  /** Customer groups that get it; empty: everyone. */
  readonly customerGroups: readonly string[];
  /** Applies only with one of its coupon codes, validated by the server. */
  readonly requiresCoupon: boolean;
}

export type PromotionChannel = 'web' | 'store';

/** One line of the basket with the catalog facts the rules match on. */
export interface BasketLine {
  /** Stable id of the line (the cart or receipt line): results are reported by it. */
  readonly lineId: string;
  readonly skuId: string;
  readonly productId: string;
  /** The product's category and all its ancestors. */
  readonly categoryIds: readonly string[];
  readonly brand: string | null;
  readonly quantity: number;
  readonly unitPriceInclVat: number;
  readonly vatRateBp: number;
}

/** A basket to price. */
export interface Basket {
  readonly currency: string;
  readonly lines: readonly BasketLine[];
}

/** A coupon the server has found valid (known, within its limits), and the rule it unlocks. */
export interface ValidCoupon {
  readonly code: string;
  readonly ruleId: string;
}

/** Who buys, where and when. */
export interface PricingContext {
  readonly at: string;
  readonly channel: PromotionChannel;
  readonly storeId: string | null;
  readonly isMember: boolean;
  readonly customerGroups: readonly string[];
  readonly coupons: readonly ValidCoupon[];
}

/** A discount of one rule. */
export interface AppliedDiscount {
  readonly ruleId: string;
  readonly name: string;
  readonly level: 'item' | 'basket';
  readonly amount: number;
}

/** A line with its discounts, in the order the basket gave them. */
export interface PromotionPricedLine {
  readonly lineId: string;
  readonly skuId: string;
  readonly quantity: number;
  readonly unitPriceInclVat: number;
  readonly vatRateBp: number;
  /** quantity × unit price. */
  readonly grossAmount: number;
  readonly discounts: readonly AppliedDiscount[];
  readonly discountAmount: number;
  /** grossAmount − discountAmount, never below 0. */
  readonly amountInclVat: number;
}

/** VAT of one rate on the discounted lines. */
export interface PricedVatRate {
  readonly vatRateBp: number;
  readonly grossAmount: number;
  readonly netAmount: number;
  readonly vatAmount: number;
}

/** The priced basket: every discount by rule, the total and VAT per rate. */
export interface PricedBasket {
  readonly currency: string;
  readonly lines: readonly PromotionPricedLine[];
  /** Total per rule, in the order the rules were applied. */
  readonly discounts: readonly AppliedDiscount[];
  /** Coupon codes whose rule gave a discount: the ones to redeem. */
  readonly appliedCouponCodes: readonly string[];
  readonly grossTotal: number;
  readonly discountTotal: number;
  readonly total: number;
  readonly vat: {
    readonly byRate: readonly PricedVatRate[];
    readonly totalVat: number;
    readonly totalNet: number;
  };
}
