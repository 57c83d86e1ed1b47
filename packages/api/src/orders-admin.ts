// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
import { z } from 'zod';
import { MoneyDto } from './common';
import { CheckoutBody, Order, OrderPayment, OrderStatus, PaymentAction, PaymentStatus } from './orders';

/** The channels the list filters by; `register` lists orders paid in store at a register. */
export const ORDER_CHANNELS = ['web', 'register', 'api'] as const;
/** Payment states grouped as staff ask about them. */
export const PAYMENT_STATES = [
  'unpaid',
  'authorized',
  'captured',
  'refunded',
  'pay_in_store',
  'failed',
] as const;

export const AdminOrderListQuery = z.strictObject({
  /** Order number, name, e-mail, phone or external reference. */
  q: z.string().trim().max(120).optional(),
  status: z
    .union([OrderStatus, z.string().transform((s, c) => splitStatuses(s, c))])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v])),
  storeId: z.string().max(100).optional(),
  channel: z.enum(ORDER_CHANNELS).optional(),
  paymentState: z.enum(PAYMENT_STATES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdminOrderListQuery = z.infer<typeof AdminOrderListQuery>;

function splitStatuses(s: string, c: z.RefinementCtx<string>): OrderStatus[] {
  const parts = s.split(',').map((p) => OrderStatus.safeParse(p.trim()));
  if (parts.some((p) => !p.success)) {
    c.addIssue({ code: 'custom', message: `One or more of ${OrderStatus.options.join(', ')}` });
    return z.NEVER;
  }
  return parts.map((p) => p.data!);
}

export const AdminOrderSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    status: OrderStatus,
    channel: z.enum(ORDER_CHANNELS),
    /** The channel as the API caller named it, e.g. a marketplace. */
    channelName: z.string().nullable(),
    externalReference: z.string().nullable(),
    customer: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
    storeId: z.string().nullable(),
    fulfilment: z.enum(['pickup', 'delivery']),
    total: MoneyDto,
    paymentMethod: z.string(),
    paymentStatus: PaymentStatus.nullable(),
    lockedBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'AdminOrderSummary' });
export type AdminOrderSummary = z.infer<typeof AdminOrderSummary>;

export const AdminOrderList = z.object({
  items: z.array(AdminOrderSummary),
  nextCursor: z.string().nullable(),
});
export type AdminOrderList = z.infer<typeof AdminOrderList>;

/** A payment of the order as the back office shows it: the checkout's, and any "pay the difference". */
export const AdminOrderPayment = z
  .object({
    id: z.string(),
    method: OrderPayment.shape.method,
    status: PaymentStatus,
    /** The provider's reference; for `prepaid_external` the marketplace's payment reference. */
    reference: z.string().nullable(),
    authorized: MoneyDto,
    captured: MoneyDto,
    refunded: MoneyDto,
  })
  .meta({ id: 'AdminOrderPayment' });
export type AdminOrderPayment = z.infer<typeof AdminOrderPayment>;

export const AdminOrder = z
  .object({
    order: Order,
    channelName: z.string().nullable(),
    externalReference: z.string().nullable(),
    /** Every payment of the order, its own first (the order's `payment` is that one). */
    payments: z.array(AdminOrderPayment).optional(),
    /** The ERP's own number for the order, once the ERP has taken it (see docs/erp.md). */
    erpNumber: z.string().nullable().optional(),
    /** Whether lines may be edited now (placed/accepted and not locked). */
    editable: z.boolean(),
  })
  .meta({ id: 'AdminOrder' });
export type AdminOrder = z.infer<typeof AdminOrder>;

export const TIMELINE_KINDS = ['event', 'payment', 'message', 'stock'] as const;
export const TimelineEntry = z
  .object({
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    /** e.g. `order.placed`, `payment.capture`, `message.order_confirmation`, `stock.reserved`. */
    type: z.string(),
    summary: z.string(),
    /** Who did it, where known: a staff id, an API key, a register, `system:…`. */
    actor: z.string().nullable(),
    amount: MoneyDto.nullable(),
    /** succeeded / refused / sent / queued … where the kind has one. */
    outcome: z.string().nullable(),
  })
  .meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const OrderTimeline = z.object({ items: z.array(TimelineEntry) }).meta({ id: 'OrderTimeline' });
export type OrderTimeline = z.infer<typeof OrderTimeline>;

export const AddOrderLineBody = z.strictObject({
  skuId: z.string().min(1).max(64),
  quantity: z.number().int().min(1).max(999),
});
export type AddOrderLineBody = z.infer<typeof AddOrderLineBody>;

export const ChangeOrderLineBody = z.strictObject({ quantity: z.number().int().min(1).max(999) });
export type ChangeOrderLineBody = z.infer<typeof ChangeOrderLineBody>;

/** A payment a marketplace already took for the whole order; it also refunds what we record as refunded. */
export const PrepaidExternalPayment = z
  .strictObject({
    method: z.literal('prepaid_external'),
    /** The marketplace's own payment reference: kept on the payment (`providerReference`) and in its events. */
    reference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.:/-]+$/, 'Letters, digits and _ . : / - only'),
    /** What the marketplace charged, in öre; when given it must equal our total (else 422 naming `payment.amount`). */
    amount: z.number().int().min(1).optional(),
  })
  .meta({ id: 'PrepaidExternalPayment' });
export type PrepaidExternalPayment = z.infer<typeof PrepaidExternalPayment>;

/** How an API order is paid: at pickup, on a company customer's invoice, or already on a marketplace. */
export const ApiOrderPayment = z.discriminatedUnion('method', [
  /** Paid at pickup in the store. */
  z.strictObject({ method: z.literal('in_store') }),
  /** On the invoice of a company customer (docs/invoices.md): credit limit checked, invoice issued. */
  z.strictObject({ method: z.literal('invoice'), customerId: z.string().min(1).max(64) }),
  PrepaidExternalPayment,
]);
export type ApiOrderPayment = z.infer<typeof ApiOrderPayment>;

/**
 * An order from an integration or a marketplace. Our prices apply (a different `unitPrice` is 409
 * `price_changed`, as at checkout); the same (`channel`, `externalReference`) twice is one order.
 */
export const ApiOrderBody = CheckoutBody.omit({ checkoutId: true, returnUrl: true, payment: true })
  .extend({
    /** 'api', or the marketplace's name (e.g. 'cdon'): the external reference is unique per channel. */
    channel: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{1,30}$/, 'Lower-case letters, digits, _ and -')
      .default('api'),
    /** The caller's own order number, kept as a searchable reference; ours is the one customers see. */
    externalReference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.:/-]+$/, 'Letters, digits and _ . : / - only'),
    payment: ApiOrderPayment,
  })
  .meta({ id: 'ApiOrderBody' });
export type ApiOrderBody = z.infer<typeof ApiOrderBody>;

/** POST /api/orders/status/:token/payments: the shopper pays what an edit added ("pay the difference"). */
export const PayDifferenceBody = z
  .strictObject({
    /** Client-made, e.g. when the button is shown: a retry is the same payment. */
    paymentId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, _ and - only'),
    method: z.enum(['card', 'klarna', 'swish']),
    /** From the provider's card fields (card only). */
    cardToken: z.string().min(1).max(200).optional(),
    /** Swish on this phone; without it a QR code to scan. */
    phone: z.string().trim().max(20).optional(),
  })
  .meta({ id: 'PayDifferenceBody' });
export type PayDifferenceBody = z.infer<typeof PayDifferenceBody>;

export const PayDifferenceResult = z
  .object({
    order: Order,
    payment: z.object({
      id: z.string(),
      status: PaymentStatus,
      amount: MoneyDto,
      /** What the shopper must do first (card confirmation, Swish), if anything. */
      action: PaymentAction.nullable(),
    }),
  })
  .meta({ id: 'PayDifferenceResult' });
export type PayDifferenceResult = z.infer<typeof PayDifferenceResult>;
