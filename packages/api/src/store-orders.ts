// Click & collect at the store: the register's live queue of web orders, working an order (accept,
// pick, substitute, remove, ship home, ready), the hand-over at the counter and returns of web
// orders in the store. The register calls these with its device token; every body names the
// signed-in cashier, who is recorded as the actor.
import { z } from 'zod';
import { MoneyDto } from './common';
import { Address, Order } from './orders';

const Id = z.string().min(1).max(100);
/** A client-made key for anything money or stock depends on: a repeat returns the first result. */
const IdempotencyKey = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_:-]+$/, 'Letters, digits, _, : and - only');

/** The queue's tabs: overdue is computed (the pickup time has passed and the order is not collected). */
export const QUEUE_FILTERS = ['new', 'accepted', 'picking', 'ready', 'overdue', 'collected'] as const;
export const QueueFilter = z.enum(QUEUE_FILTERS);
export type QueueFilter = z.infer<typeof QueueFilter>;

/** GET /api/registers/:id/pickup-queue?filter=…: the store's pickup orders, soonest pickup first. */
export const PickupQueueQuery = z.strictObject({
  filter: QueueFilter.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type PickupQueueQuery = z.infer<typeof PickupQueueQuery>;

export const PickupQueueItem = z
  .object({
    order: Order,
    /** The pickup time has passed and the order is not collected. */
    isOverdue: z.boolean(),
    /** When it is cancelled if not collected (the store's "collect within N days"). */
    collectBy: z.string().nullable(),
  })
  .meta({ id: 'PickupQueueItem' });
export type PickupQueueItem = z.infer<typeof PickupQueueItem>;

export const PickupQueue = z.object({
  items: z.array(PickupQueueItem),
  /** Counts per tab, for the badges. */
  counts: z.record(QueueFilter, z.number().int()),
});
export type PickupQueue = z.infer<typeof PickupQueue>;

/** Every store-side order action names the cashier doing it. */
export const StoreOrderActionBody = z.strictObject({ cashierId: Id });
export type StoreOrderActionBody = z.infer<typeof StoreOrderActionBody>;

/** POST …/pickup-orders/:orderId/accept → the order, and whether the pick ticket printed. */
export const AcceptOrderResult = z.object({
  order: Order,
  pickTicket: z.object({
    printed: z.boolean(),
    /** Why it did not print (no printer configured, printer unreachable). */
    error: z.string().nullable(),
  }),
});
export type AcceptOrderResult = z.infer<typeof AcceptOrderResult>;

/** POST …/lines/:lineId/pick: units found on the shelf (the line is picked when all are). */
export const PickLineBody = z.strictObject({
  cashierId: Id,
  quantity: z.number().int().min(0).max(9999),
});
export type PickLineBody = z.infer<typeof PickLineBody>;

/**
 * POST …/lines/:lineId/substitute: another SKU instead. The shopper never pays more than for the
 * original: the substitute's unit price is the lower of the two. The shopper is told.
 */
export const SubstituteLineBody = z.strictObject({
  cashierId: Id,
  skuId: Id,
  quantity: z.number().int().min(1).max(9999),
  note: z.string().trim().min(1).max(300),
});
export type SubstituteLineBody = z.infer<typeof SubstituteLineBody>;

/** POST …/lines/:lineId/remove: the item is not delivered; the amount to capture drops; the shopper is told. */
export const RemoveLineBody = z.strictObject({
  cashierId: Id,
  note: z.string().trim().min(1).max(300),
});
export type RemoveLineBody = z.infer<typeof RemoveLineBody>;

/** POST …/lines/:lineId/ship-home: sent from another location that has it, to this address. */
export const ShipLineHomeBody = z.strictObject({
  cashierId: Id,
  locationId: Id,
  address: Address,
});
export type ShipLineHomeBody = z.infer<typeof ShipLineHomeBody>;

/** Where else a line's SKU is in stock, for "ship home from another location". */
export const LineAvailability = z.object({
  items: z.array(z.object({ locationId: z.string(), locationName: z.string(), available: z.number().int() })),
});
export type LineAvailability = z.infer<typeof LineAvailability>;

/** GET /api/registers/:id/pickup-orders/lookup?code=… | ?q=…: the scanned pickup code, or a search. */
export const HandoverLookupQuery = z
  .strictObject({
    /** The pickup code from the shopper's QR (exact). */
    code: z.string().trim().min(1).max(100).optional(),
    /** Order number or customer name (search). */
    q: z.string().trim().min(1).max(100).optional(),
  })
  .refine((v) => Boolean(v.code) !== Boolean(v.q), { message: 'Give either code or q', path: ['code'] });
export type HandoverLookupQuery = z.infer<typeof HandoverLookupQuery>;

/** Something to offer at the counter with the order (bought together, same category). */
export const AddOnSuggestion = z.object({
  skuId: z.string(),
  sku: z.string(),
  name: z.string(),
  unitPrice: MoneyDto,
  vatRateBp: z.number().int(),
  /** Units on hand at this store. */
  available: z.number().int(),
});
export type AddOnSuggestion = z.infer<typeof AddOnSuggestion>;

export const HandoverView = z
  .object({
    order: Order,
    /** prepaid: confirm hand-over (captures); pay_in_store: ring up as a register sale; none: not ready for hand-over. */
    handover: z.enum(['prepaid', 'pay_in_store', 'none']),
    /** Why hand-over is not possible now (not ready, cancelled, another store's order). */
    blockedReason: z.string().nullable(),
    suggestions: z.array(AddOnSuggestion),
  })
  .meta({ id: 'HandoverView' });
export type HandoverView = z.infer<typeof HandoverView>;

export const HandoverLookupResult = z.object({ items: z.array(HandoverView) });
export type HandoverLookupResult = z.infer<typeof HandoverLookupResult>;

/**
 * POST …/pickup-orders/:orderId/hand-over (prepaid orders): captures the final amount, turns the
 * held stock into a sale, marks the order collected. Idempotent on `idempotencyKey`.
 */
export const HandoverBody = z.strictObject({ cashierId: Id, idempotencyKey: IdempotencyKey });
export type HandoverBody = z.infer<typeof HandoverBody>;

/**
 * POST …/pickup-orders/:orderId/returns: goods of a collected web order brought back to the
 * store. Refunded to the original online payment; stock back to this store. A pay-in-store order
 * is returned against its register receipt instead (409 naming `orderId`).
 */
export const WebOrderReturnBody = z.strictObject({
  cashierId: Id,
  returnId: IdempotencyKey,
  lines: z
    .array(z.strictObject({ orderLineId: Id, quantity: z.number().int().min(1).max(9999) }))
    .min(1)
    .max(100),
  reason: z.string().trim().min(1).max(300),
});
export type WebOrderReturnBody = z.infer<typeof WebOrderReturnBody>;

export const WebOrderReturnResult = z.object({
  order: Order,
  refunded: MoneyDto,
  returnId: z.string(),
});
export type WebOrderReturnResult = z.infer<typeof WebOrderReturnResult>;
