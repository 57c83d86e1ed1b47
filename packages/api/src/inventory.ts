// The HTTP contract of the inventory module: locations, stock levels and the movement ledger,
// reservations, and "where is this SKU?". Transfers, counts and purchase orders: ./inventory-documents.
import { z } from 'zod';
import { PageQuery } from './common';
import { StockId as Id, StockText as Text, UnitQuantity } from './inventory-documents';

export * from './inventory-documents';

/** What kind of place holds stock: a store's shelves, a central warehouse or a third-party warehouse. */
export const LocationKind = z.enum(['store', 'warehouse', 'third_party']);
export type LocationKind = z.infer<typeof LocationKind>;

/** A place that holds stock. */
export const StockLocation = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    kind: LocationKind,
    storeId: z.string().nullable(),
  })
  .meta({ id: 'StockLocation' });
export type StockLocation = z.infer<typeof StockLocation>;

/** The kinds of ledger movement; the quantity's sign says in (+) or out (−). */
export const MovementKind = z.enum([
  'receive',
  'sell',
  'return',
  'adjust',
  'transfer_out',
  'transfer_in',
  'count',
]);
export type MovementKind = z.infer<typeof MovementKind>;

/** One row of the append-only stock ledger: what moved, where, who did it, why and when. */
export const StockMovement = z
  .object({
    id: z.string(),
    skuId: z.string(),
    locationId: z.string(),
    kind: MovementKind,
    quantity: z.number().int(),
    reason: z.string().nullable(),
    reference: z.string().nullable(),
    actor: z.string(),
    occurredAt: z.iso.datetime(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovement = z.infer<typeof StockMovement>;

/** On-hand, reserved and available of one SKU at one location; `isCountNeeded` after going below zero. */
export const StockLevel = z
  .object({
    skuId: z.string(),
    locationId: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    isCountNeeded: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'StockLevel' });
export type StockLevel = z.infer<typeof StockLevel>;

/** Query of `GET /api/stock/levels`. */
export const StockLevelQuery = PageQuery.extend({
  locationId: Id.optional(),
  skuId: Id.optional(),
  countNeeded: z.stringbool().optional(),
});
export type StockLevelQuery = z.infer<typeof StockLevelQuery>;

/** Query of `GET /api/stock/movements`: the history of a SKU, a location or both, newest first. */
export const StockMovementQuery = PageQuery.extend({
  skuId: Id.optional(),
  locationId: Id.optional(),
  kind: MovementKind.optional(),
});
export type StockMovementQuery = z.infer<typeof StockMovementQuery>;

/** Body of `POST /api/stock/receipts`: goods arrived outside a purchase order. */
export const ReceiveStockBody = z.strictObject({
  skuId: Id,
  locationId: Id,
  quantity: UnitQuantity,
  reason: Text(200).optional(),
  reference: Text(100).optional(),
});
export type ReceiveStockBody = z.infer<typeof ReceiveStockBody>;

/** Body of `POST /api/stock/adjustments`: a signed correction, always with its reason. */
export const AdjustStockBody = z.strictObject({
  skuId: Id,
  locationId: Id,
  quantity: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((n) => n !== 0, 'An adjustment moves at least one unit'),
  reason: Text(200),
  reference: Text(100).optional(),
});
export type AdjustStockBody = z.infer<typeof AdjustStockBody>;

/** Body of `POST /api/stock/sales`: a register sale; it is never refused for lack of stock. */
export const RecordSaleBody = z.strictObject({
  skuId: Id,
  locationId: Id,
  quantity: UnitQuantity,
  reference: Text(100).optional(),
});
export type RecordSaleBody = z.infer<typeof RecordSaleBody>;

/** Body of `POST /api/stock/returns`: goods a customer brought back onto the shelf. */
export const ReturnStockBody = ReceiveStockBody;
export type ReturnStockBody = ReceiveStockBody;

/** What a stock change did: the ledger rows it wrote and the levels afterwards. */
export const StockChangeResult = z
  .object({ movements: z.array(StockMovement), levels: z.array(StockLevel) })
  .meta({ id: 'StockChangeResult' });
export type StockChangeResult = z.infer<typeof StockChangeResult>;

/** Body of `POST /api/stock/reservations`; the id is made by the client so a retry is harmless. */
export const ReserveStockBody = z.strictObject({
  reservationId: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'Letters, digits and _ . : - only, at most 100'),
  skuId: Id,
  locationId: Id,
  quantity: UnitQuantity,
  reference: Text(100).optional(),
});
export type ReserveStockBody = z.infer<typeof ReserveStockBody>;

/** Where a reservation is: holding stock, given back, or turned into a sale. */
export const ReservationStatus = z.enum(['active', 'released', 'consumed']);
export type ReservationStatus = z.infer<typeof ReservationStatus>;

/** A hold on stock for an order; a bundle's lines are its components. */
export const StockReservation = z
  .object({
    id: z.string(),
    skuId: z.string(),
    locationId: z.string(),
    quantity: z.number().int(),
    status: ReservationStatus,
    reference: z.string().nullable(),
    lines: z.array(z.object({ skuId: z.string(), quantity: z.number().int() })),
    createdAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'StockReservation' });
export type StockReservation = z.infer<typeof StockReservation>;

/** Stock of one SKU at one location, as "where is this SKU?" answers it. */
export const SkuLocationStock = z.object({
  location: StockLocation,
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});
export type SkuLocationStock = z.infer<typeof SkuLocationStock>;

/**
 * Answer of `GET /api/stock/skus/{skuId}/locations`: every location, with totals. For a bundle the
 * figures are whole bundles that its components make up.
 */
export const SkuWhereabouts = z
  .object({
    skuId: z.string(),
    isBundle: z.boolean(),
    components: z.array(z.object({ skuId: z.string(), quantity: z.number().int() })),
    totalOnHand: z.number().int(),
    totalAvailable: z.number().int(),
    locations: z.array(SkuLocationStock),
  })
  .meta({ id: 'SkuWhereabouts' });
export type SkuWhereabouts = z.infer<typeof SkuWhereabouts>;

/** Answer of the public `GET /api/stock/skus/{skuId}/availability`: per store, and for delivery. */
export const SkuAvailability = z
  .object({
    skuId: z.string(),
    stores: z.array(z.object({ storeId: z.string(), locationId: z.string(), available: z.number().int() })),
    warehouseAvailable: z.number().int(),
  })
  .meta({ id: 'SkuAvailability' });
export type SkuAvailability = z.infer<typeof SkuAvailability>;
