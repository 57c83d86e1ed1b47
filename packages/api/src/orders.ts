// Web orders: checkout, the order as the shopper and staff see it, shipping methods and customer
// accounts. Amounts are öre incl. VAT; instants are ISO 8601 UTC.
import { z } from 'zod';
import { MoneyDto } from './common';

/** A client-made id for anything the client may retry: a repeat returns the first result. */
const ClientId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and - only');

export const Address = z
  .strictObject({
    name: z.string().trim().min(1).max(120),
    street: z.string().trim().min(1).max(200),
    postalCode: z.string().trim().min(3).max(12),
    city: z.string().trim().min(1).max(100),
    country: z.string().length(2).default('SE'),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof Address>;

export const CheckoutLine = z.strictObject({
  skuId: z.string().min(1).max(64),
  quantity: z.number().int().min(1).max(999),
  /** The unit price incl. VAT the shopper was shown, in öre: a difference is refused (409 `price_changed`). */
  unitPrice: z.number().int().min(0),
});
export type CheckoutLine = z.infer<typeof CheckoutLine>;

export const CheckoutFulfilment = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('pickup'),
    storeId: z.string().min(1),
    /** An offered slot's `startsAt`, or "asap" where the store offers it. */
    slot: z.union([z.literal('asap'), z.iso.datetime({ offset: true })]),
  }),
  z.strictObject({
    kind: z.literal('delivery'),
    shippingMethodId: z.string().min(1),
    address: Address,
  }),
]);
export type CheckoutFulfilment = z.infer<typeof CheckoutFulfilment>;

/**
 * The signed-in member's loyalty voucher codes paying part of the order (single use, the excess
 * over the order forfeited); the method pays the rest. Docs: docs/loyalty.md.
 */
const CheckoutVouchers = z.array(z.string().trim().min(4).max(40)).min(1).max(10).optional();

/** How the shopper pays. Card data never reaches us: the provider's fields turn it into a token. */
export const CheckoutPayment = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('card'),
    /** Required, unless the vouchers pay the whole order (then nothing is charged to the card). */
    cardToken: z.string().min(1).max(200).optional(),
    vouchers: CheckoutVouchers,
  }),
  z.strictObject({ method: z.literal('klarna'), vouchers: CheckoutVouchers }),
  z.strictObject({
    method: z.literal('swish'),
    /** Swish on this phone ("m-commerce"); without a number a QR code is shown to scan. */
    phone: z.string().trim().max(20).optional(),
    vouchers: CheckoutVouchers,
  }),
  z.strictObject({ method: z.literal('in_store'), vouchers: CheckoutVouchers }),
  /** On the company's invoice (a signed-in customer allowed to buy on invoice; docs/invoices.md). */
  z.strictObject({ method: z.literal('invoice'), vouchers: CheckoutVouchers }),
]);
export type CheckoutPayment = z.infer<typeof CheckoutPayment>;

export const CheckoutBody = z
  .strictObject({
    /** Client-made, e.g. made when the checkout page opens: a retried checkout is one order. */
    checkoutId: ClientId,
    locale: z.enum(['sv', 'en']).default('sv'),
    customer: z.strictObject({
      name: z.string().trim().min(1).max(120),
      email: z.email().max(254),
      phone: z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()-]{6,20}$/, 'A phone number, e.g. 070-123 45 67 or +46701234567')
        .optional(),
    }),
    lines: z.array(CheckoutLine).min(1).max(100),
    fulfilment: CheckoutFulfilment,
    payment: CheckoutPayment,
    /** Where the provider sends the shopper back after an extra confirmation step. */
    returnUrl: z.url().max(500).optional(),
    /** A promotion's coupon code: unknown → 400, used up → 409 `coupon_limit_reached`, both naming `couponCode`. */
    couponCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{3,40}$/, '3–40 letters, digits or dashes')
      .optional(),
  })
  .meta({ id: 'CheckoutBody' });
export type CheckoutBody = z.infer<typeof CheckoutBody>;

export const ORDER_STATUSES = [
  'awaiting_payment',
  'placed',
  'accepted',
  'picking',
  'ready',
  'collected',
  'shipped',
  'cancelled',
] as const;
export const OrderStatus = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const PAYMENT_STATUSES = [
  'pending',
  'action_required',
  'authorized',
  'partially_captured',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'declined',
  'pay_in_store',
] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** What the shopper must do to finish paying, if anything. */
export const PaymentAction = z
  .discriminatedUnion('kind', [
    /** Open this URL (card confirmation, Klarna's own page); it returns to `returnUrl`. */
    z.object({ kind: z.literal('redirect'), url: z.string() }),
    /** Approve in the Swish app: `appUrl` on this phone, or scan `qrSvg` from another screen. */
    z.object({ kind: z.literal('swish'), token: z.string(), appUrl: z.string(), qrSvg: z.string() }),
  ])
  .meta({ id: 'PaymentAction' });
export type PaymentAction = z.infer<typeof PaymentAction>;

/** One promotion's discount on an order line, named as when the order was placed. */
export const OrderLineDiscount = z.object({
  ruleId: z.string(),
  name: z.string(),
  amount: MoneyDto,
});
export type OrderLineDiscount = z.infer<typeof OrderLineDiscount>;

export const OrderLine = z.object({
  id: z.string(),
  skuId: z.string(),
  sku: z.string(),
  productName: z.string(),
  variantName: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: MoneyDto,
  /** After the line's discounts. */
  lineTotal: MoneyDto,
  vatRateBp: z.number().int(),
  /** Promotion discounts on the line, in the order they were applied (absent on older clients' data). */
  discounts: z.array(OrderLineDiscount).optional(),
  /**
   * Where the line stands at the store: open (to pick), picked, removed (not delivered; not
   * captured), substituted (replaced by the line `substitutedBy`), shipping (sent home from
   * `shipFromLocationId` instead of being collected).
   */
  state: z.enum(['open', 'picked', 'removed', 'substituted', 'shipping']),
  pickedQuantity: z.number().int(),
  /** Units given back after hand-over (a return of the web order). */
  returnedQuantity: z.number().int(),
  /** The line this one replaces (a substitute), and the line that replaced this one. */
  substitutesLineId: z.string().nullable(),
  substitutedBy: z.string().nullable(),
  shipFromLocationId: z.string().nullable(),
  /** The shelf at the picking location, printed on the pick ticket; null when none is set. */
  shelf: z.string().nullable(),
  /** Why the line was removed or substituted, as staff gave it. */
  note: z.string().nullable(),
});
export type OrderLine = z.infer<typeof OrderLine>;

export const VatLine = z.object({ rateBp: z.number().int(), vat: MoneyDto, totalInclVat: MoneyDto });

export const OrderTotals = z.object({
  /** The lines after their discounts. */
  lines: MoneyDto,
  /** All promotion discounts together (the lines' `discounts` summed). */
  discount: MoneyDto.optional(),
  shipping: MoneyDto,
  total: MoneyDto,
  vat: z.array(VatLine),
});

export const OrderStore = z.object({
  id: z.string(),
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  phone: z.string().nullable(),
});

export const OrderFulfilment = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pickup'),
    store: OrderStore,
    slotStartsAt: z.string(),
    slotEndsAt: z.string(),
    asap: z.boolean(),
    timeZone: z.string(),
  }),
  z.object({
    kind: z.literal('delivery'),
    address: Address,
    shippingMethod: z.object({ id: z.string(), name: z.string(), price: MoneyDto }),
  }),
]);

export const OrderPayment = z.object({
  id: z.string(),
  method: z.enum(['card', 'klarna', 'swish', 'in_store', 'invoice', 'prepaid_external', 'voucher']),
  status: PaymentStatus,
  authorized: MoneyDto,
  captured: MoneyDto,
  refunded: MoneyDto,
  action: PaymentAction.nullable(),
});

export const Order = z
  .object({
    id: z.string(),
    /** What the customer sees, sequential per company: "1001". */
    number: z.string(),
    status: OrderStatus,
    channel: z.enum(['web', 'register', 'api']),
    locale: z.enum(['sv', 'en']),
    customer: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
    /** The customer the order belongs to (a shopper's account or a matched guest); loyalty earns by it. */
    customerId: z.string().nullable().optional(),
    /** The coupon redeemed with the order. */
    couponCode: z.string().nullable().optional(),
    fulfilment: OrderFulfilment,
    lines: z.array(OrderLine),
    totals: OrderTotals,
    payment: OrderPayment,
    /** The code the store scans at hand-over (also in the QR). */
    pickupCode: z.string().nullable(),
    /** The order-status page, reachable without signing in. */
    statusUrl: z.string(),
    createdAt: z.string(),
    placedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    readyAt: z.string().nullable(),
    collectedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    /** Why the order was cancelled (told to the shopper); null while it is not. */
    cancelReason: z.string().nullable().optional(),
    /** While picking: who holds the order; edits from anywhere else get 409 `order_locked`. */
    lockedBy: z
      .object({ kind: z.enum(['register', 'staff', 'api']), id: z.string(), name: z.string() })
      .nullable(),
    /** The amount that will be captured at hand-over: the lines still to be collected (+ shipping). */
    amountDue: MoneyDto,
    /** What the shopper still has to pay after an edit raised a prepaid order beyond its authorizations ("pay the difference"); 0 when nothing. */
    amountToPay: MoneyDto.optional(),
    /** The register receipt the order was paid or handed over on, when paid in store. */
    receiptId: z.string().nullable(),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof Order>;

export const CheckoutResult = z.object({ order: Order }).meta({ id: 'CheckoutResult' });
export type CheckoutResult = z.infer<typeof CheckoutResult>;

export const ShippingMethod = z
  .object({ id: z.string(), name: z.string(), carrier: z.string(), price: MoneyDto, description: z.string() })
  .meta({ id: 'ShippingMethod' });
export type ShippingMethod = z.infer<typeof ShippingMethod>;

/** Shopper accounts (separate from staff): sign-up, sign-in, order history and re-order. */
export const CustomerSignUpBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(10).max(200),
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().max(20).optional(),
});
export type CustomerSignUpBody = z.infer<typeof CustomerSignUpBody>;

export const CustomerSignInBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().max(200),
});
export type CustomerSignInBody = z.infer<typeof CustomerSignInBody>;

export const CustomerAccount = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    /** Whether the checkout offers invoice: a company, or a consumer where the retailer allows it. */
    canPayByInvoice: z.boolean().optional(),
  })
  .meta({ id: 'CustomerAccount' });
export type CustomerAccount = z.infer<typeof CustomerAccount>;

/** The lines to put back in the cart for "order again" (only what is still for sale). */
export const ReorderResult = z.object({
  lines: z.array(z.object({ skuId: z.string(), quantity: z.number().int() })),
  unavailable: z.array(z.string()),
});
export type ReorderResult = z.infer<typeof ReorderResult>;
