// The HTTP contract of the inventory module's documents: transfers between locations, stock counts,
// suppliers and purchase orders, and replenishment rules and suggestions. Every edit of a document
// carries the `version` it was read at; a stale one is answered 409 version_conflict.
import { z } from 'zod';
import { PageQuery } from './common';

/** An id of a row in Handla (`sku_…`, `loc_…`). */
export const StockId = z.string().trim().min(1).max(100);
/** A number of units moved or held: whole and above zero. */
export const UnitQuantity = z.number().int().min(1).max(1_000_000);
/** A trimmed, non-empty text of at most `max` characters. */
export const StockText = (max: number) => z.string().trim().min(1).max(max);
/** The version a document was read at, sent back with every change to it. */
export const DocumentVersion = z.number().int().min(1);

const Note = z.string().trim().max(500);
const SkuQuantityLine = z.strictObject({ skuId: StockId, quantity: UnitQuantity });
const skuLines = <T extends z.ZodType>(line: T) => z.array(line).min(1).max(500);

/** Body of the transitions that need nothing but the version (send, cancel, complete, close). */
export const VersionBody = z.strictObject({ version: DocumentVersion });
export type VersionBody = z.infer<typeof VersionBody>;

/** Where a transfer is: a draft, in transit, arrived, or called off. */
export const TransferStatus = z.enum(['draft', 'sent', 'received', 'cancelled']);

/** Stock on its way from one location to another; `difference` is received − sent once it arrived. */
export const StockTransfer = z
  .object({
    id: z.string(),
    fromLocationId: z.string(),
    toLocationId: z.string(),
    status: TransferStatus,
    note: z.string(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    receivedAt: z.iso.datetime().nullable(),
    lines: z.array(
      z.object({
        skuId: z.string(),
        quantity: z.number().int(),
        receivedQuantity: z.number().int().nullable(),
        difference: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'StockTransfer' });
export type StockTransfer = z.infer<typeof StockTransfer>;

/** Body of `POST /api/stock/transfers`: a draft; nothing moves until it is sent. */
export const CreateTransferBody = z.strictObject({
  fromLocationId: StockId,
  toLocationId: StockId,
  note: Note.optional(),
  lines: skuLines(SkuQuantityLine),
});
export type CreateTransferBody = z.infer<typeof CreateTransferBody>;

/** Body of `PUT /api/stock/transfers/{id}`: a draft's new note and/or lines. */
export const UpdateTransferBody = z.strictObject({
  version: DocumentVersion,
  note: Note.optional(),
  lines: skuLines(SkuQuantityLine).optional(),
});
export type UpdateTransferBody = z.infer<typeof UpdateTransferBody>;

/** Body of `POST /api/stock/transfers/{id}/receive`; without lines everything arrived as sent. */
export const ReceiveTransferBody = z.strictObject({
  version: DocumentVersion,
  lines: skuLines(
    z.strictObject({ skuId: StockId, receivedQuantity: z.number().int().min(0).max(1_000_000) }),
  ).optional(),
});
export type ReceiveTransferBody = z.infer<typeof ReceiveTransferBody>;

/** Query of `GET /api/stock/transfers`. */
export const TransferListQuery = PageQuery.extend({
  status: TransferStatus.optional(),
  fromLocationId: StockId.optional(),
  toLocationId: StockId.optional(),
});
export type TransferListQuery = z.infer<typeof TransferListQuery>;

/** Where a count sheet is: being counted, booked, or dropped. */
export const StockCountStatus = z.enum(['open', 'completed', 'cancelled']);

/** A count sheet for one location: expected on-hand per line (snapshot) and what was counted. */
export const StockCount = z
  .object({
    id: z.string(),
    locationId: z.string(),
    status: StockCountStatus,
    note: z.string(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    lines: z.array(
      z.object({
        skuId: z.string(),
        expectedOnHand: z.number().int(),
        countedQuantity: z.number().int().nullable(),
        difference: z.number().int().nullable(),
      }),
    ),
  })
  .meta({ id: 'StockCount' });
export type StockCount = z.infer<typeof StockCount>;

/** Body of `POST /api/stock/counts`: a sheet of every stocked SKU there, or of the SKUs named. */
export const OpenStockCountBody = z.strictObject({
  locationId: StockId,
  skuIds: z.array(StockId).min(1).max(5000).optional(),
  note: Note.optional(),
});
export type OpenStockCountBody = z.infer<typeof OpenStockCountBody>;

/** Body of `PUT /api/stock/counts/{id}/lines`: counted quantities; a SKU not on the sheet joins it. */
export const EnterCountsBody = z.strictObject({
  version: DocumentVersion,
  lines: skuLines(
    z.strictObject({ skuId: StockId, countedQuantity: z.number().int().min(0).max(1_000_000) }),
  ),
});
export type EnterCountsBody = z.infer<typeof EnterCountsBody>;

/** Query of `GET /api/stock/counts`. */
export const StockCountListQuery = PageQuery.extend({
  status: StockCountStatus.optional(),
  locationId: StockId.optional(),
});
export type StockCountListQuery = z.infer<typeof StockCountListQuery>;

/** A company we buy goods from. */
export const Supplier = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    leadTimeDays: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.infer<typeof Supplier>;

/** Body of `POST /api/suppliers`. */
export const CreateSupplierBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,30}$/, 'Capital letters, digits and -, 2 to 30'),
  name: StockText(200),
  email: z.email().max(254).optional(),
  phone: StockText(40).optional(),
  leadTimeDays: z.number().int().min(0).max(365).default(7),
});
export type CreateSupplierBody = z.infer<typeof CreateSupplierBody>;

/** Where a purchase order is: waiting, partly delivered, delivered, or closed for good. */
export const PurchaseOrderStatus = z.enum(['open', 'partially_received', 'received', 'closed']);

/** An order to a supplier, delivered to one location, with what arrived and how it deviated. */
export const PurchaseOrder = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    locationId: z.string(),
    status: PurchaseOrderStatus,
    expectedOn: z.iso.date(),
    note: z.string(),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    lines: z.array(
      z.object({
        skuId: z.string(),
        orderedQuantity: z.number().int(),
        receivedQuantity: z.number().int(),
        outstandingQuantity: z.number().int(),
      }),
    ),
    deviations: z.array(
      z.object({
        skuId: z.string(),
        kind: z.enum(['over', 'under']),
        quantity: z.number().int(),
        recordedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'PurchaseOrder' });
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

/** Body of `POST /api/purchase-orders`. */
export const CreatePurchaseOrderBody = z.strictObject({
  supplierId: StockId,
  locationId: StockId,
  expectedOn: z.iso.date(),
  note: Note.optional(),
  lines: skuLines(SkuQuantityLine),
});
export type CreatePurchaseOrderBody = z.infer<typeof CreatePurchaseOrderBody>;

/** Body of `PUT /api/purchase-orders/{id}`: a new expected date, note or lines while nothing arrived. */
export const UpdatePurchaseOrderBody = z.strictObject({
  version: DocumentVersion,
  expectedOn: z.iso.date().optional(),
  note: Note.optional(),
  lines: skuLines(SkuQuantityLine).optional(),
});
export type UpdatePurchaseOrderBody = z.infer<typeof UpdatePurchaseOrderBody>;

/** Body of `POST /api/purchase-orders/{id}/receipts`; `isFinal`: the supplier sends nothing more. */
export const ReceivePurchaseOrderBody = z.strictObject({
  version: DocumentVersion,
  lines: skuLines(SkuQuantityLine),
  isFinal: z.boolean().default(false),
});
export type ReceivePurchaseOrderBody = z.infer<typeof ReceivePurchaseOrderBody>;

/** Query of `GET /api/purchase-orders`. */
export const PurchaseOrderListQuery = PageQuery.extend({
  status: PurchaseOrderStatus.optional(),
  supplierId: StockId.optional(),
  locationId: StockId.optional(),
});
export type PurchaseOrderListQuery = z.infer<typeof PurchaseOrderListQuery>;

/** Min/max for one SKU at one location. */
export const ReplenishmentRule = z
  .object({
    locationId: z.string(),
    skuId: z.string(),
    minQuantity: z.number().int(),
    maxQuantity: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ReplenishmentRule' });
export type ReplenishmentRule = z.infer<typeof ReplenishmentRule>;

/** Body of `PUT /api/stock/locations/{locationId}/replenishment-rules`: the location's whole set of rules. */
export const SetReplenishmentRulesBody = z.strictObject({
  rules: z
    .array(
      z
        .strictObject({
          skuId: StockId,
          minQuantity: z.number().int().min(0).max(1_000_000),
          maxQuantity: UnitQuantity,
        })
        .refine((rule) => rule.maxQuantity >= rule.minQuantity, {
          message: 'Must be at least minQuantity',
          path: ['maxQuantity'],
        }),
    )
    .max(5000),
});
export type SetReplenishmentRulesBody = z.infer<typeof SetReplenishmentRulesBody>;

/** Query of `GET /api/stock/stores/{storeId}/replenishment-suggestions`. */
export const ReplenishmentQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(28),
  leadTimeDays: z.coerce.number().int().min(0).max(90).default(7),
});
export type ReplenishmentQuery = z.infer<typeof ReplenishmentQuery>;

/** What to bring into a store location, and the figures behind it. */
export const ReplenishmentSuggestion = z
  .object({
    locationId: z.string(),
    skuId: z.string(),
    minQuantity: z.number().int(),
    maxQuantity: z.number().int(),
    onHand: z.number().int(),
    available: z.number().int(),
    incoming: z.number().int(),
    unitsSold: z.number().int(),
    averageDailySales: z.number(),
    projected: z.number().int(),
    suggestedQuantity: z.number().int(),
  })
  .meta({ id: 'ReplenishmentSuggestion' });
export type ReplenishmentSuggestion = z.infer<typeof ReplenishmentSuggestion>;

/** Answer of `GET /api/stock/stores/{storeId}/replenishment-suggestions`: rules that need stock first. */
export const ReplenishmentSuggestions = z.object({
  storeId: z.string(),
  days: z.number().int(),
  leadTimeDays: z.number().int(),
  items: z.array(ReplenishmentSuggestion),
});
export type ReplenishmentSuggestions = z.infer<typeof ReplenishmentSuggestions>;
