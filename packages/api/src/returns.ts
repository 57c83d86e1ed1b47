// Returns within the right of withdrawal and drop shipping: requests, inbound parcels, inspection,
// refunds; supplier orders confirmed by the supplier through an unguessable link.
import { z } from 'zod';
import { MoneyDto } from './common';

const Id = z.string().min(1).max(100);

/** Per company: the withdrawal window and the shipping rules of a return. */
export const ReturnSettings = z.object({
  /** Days from delivery (shipped or collected) during which a return may be requested. */
  withdrawalDays: z.number().int(),
  /** Öre deducted from the refund for the way back; 0 = free returns. */
  returnShippingFee: z.number().int(),
  /** A full return also refunds the original shipping fee. */
  refundOriginalShipping: z.boolean(),
  version: z.number().int(),
});
export type ReturnSettings = z.infer<typeof ReturnSettings>;

export const UpdateReturnSettingsBody = z.strictObject({
  withdrawalDays: z.number().int().min(1).max(365),
  returnShippingFee: z.number().int().min(0).max(1_000_000),
  refundOriginalShipping: z.boolean(),
  /** The version read: a stale one is 409 version_conflict. */
  version: z.number().int().min(1),
});
export type UpdateReturnSettingsBody = z.infer<typeof UpdateReturnSettingsBody>;

const RequestLines = z
  .array(z.strictObject({ orderLineId: Id, quantity: z.number().int().min(1).max(9999) }))
  .min(1)
  .max(100);

/** The shopper's request from the order-status page (by the order's status token). */
export const ShopReturnRequestBody = z.strictObject({
  lines: RequestLines,
  reason: z.string().trim().min(1).max(300),
});
export type ShopReturnRequestBody = z.infer<typeof ShopReturnRequestBody>;

/** A request made by staff or an API client on the shopper's behalf. */
export const CreateReturnRequestBody = ShopReturnRequestBody.extend({ orderId: Id });
export type CreateReturnRequestBody = z.infer<typeof CreateReturnRequestBody>;

export const RETURN_STATUSES = ['requested', 'refunding', 'completed', 'refused'] as const;
export const ReturnStatus = z.enum(RETURN_STATUSES);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const ReturnRequestLine = z.object({
  orderLineId: z.string(),
  sku: z.string(),
  productName: z.string(),
  variantName: z.string().nullable(),
  quantity: z.number().int(),
  unitPrice: MoneyDto,
  /** Set by the inspection: units back to stock and units written off. */
  restocked: z.number().int().nullable(),
  writtenOff: z.number().int().nullable(),
  writeOffReason: z.string().nullable(),
});
export type ReturnRequestLine = z.infer<typeof ReturnRequestLine>;

export const ReturnRequest = z.object({
  id: z.string(),
  /** "RMA-1001": what the shopper writes on the parcel. */
  rmaNumber: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  customerName: z.string(),
  status: ReturnStatus,
  source: z.enum(['shop', 'staff', 'api']),
  reason: z.string(),
  requestedAt: z.string(),
  /** Where to send the parcel and what to write on it, in the order's language. */
  instructions: z.string(),
  lines: z.array(ReturnRequestLine),
  locationId: z.string().nullable(),
  receivedAt: z.string().nullable(),
  /** The refund (accepted lines + shipping refund − return fee), once received. */
  refund: MoneyDto.nullable(),
  shippingRefund: MoneyDto.nullable(),
  shippingFee: MoneyDto.nullable(),
  refundError: z.string().nullable(),
  refundedAt: z.string().nullable(),
});
export type ReturnRequest = z.infer<typeof ReturnRequest>;

export const ReturnRequestList = z.object({ items: z.array(ReturnRequest) });
export type ReturnRequestList = z.infer<typeof ReturnRequestList>;

export const ReturnRequestQuery = z.strictObject({
  status: ReturnStatus.optional(),
  orderId: Id.optional(),
});
export type ReturnRequestQuery = z.infer<typeof ReturnRequestQuery>;

/** The inbound delivery: where it was received and the verdict on each returned line. */
export const ReceiveReturnBody = z.strictObject({
  locationId: Id,
  lines: z
    .array(
      z.strictObject({
        orderLineId: Id,
        restocked: z.number().int().min(0).max(9999),
        writtenOff: z.number().int().min(0).max(9999),
        writeOffReason: z.string().trim().min(1).max(300).optional(),
      }),
    )
    .min(1)
    .max(100),
});
export type ReceiveReturnBody = z.infer<typeof ReceiveReturnBody>;

/** Drop shipping: an order of our shopper's lines sent to the supplier who ships them. */
export const SupplierOrder = z.object({
  id: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  status: z.enum(['sent', 'shipped', 'cancelled']),
  lines: z.array(
    z.object({
      orderLineId: z.string(),
      sku: z.string(),
      productName: z.string(),
      quantity: z.number().int(),
    }),
  ),
  amount: MoneyDto,
  trackingNumber: z.string().nullable(),
  captureStatus: z.enum(['captured', 'failed']).nullable(),
  createdAt: z.string(),
  shippedAt: z.string().nullable(),
});
export type SupplierOrder = z.infer<typeof SupplierOrder>;

export const SupplierOrderList = z.object({ items: z.array(SupplierOrder) });
export type SupplierOrderList = z.infer<typeof SupplierOrderList>;

/** The supplier's shipment confirmation (link form or API). */
export const ConfirmSupplierShipmentBody = z.strictObject({
  trackingNumber: z.string().trim().min(1).max(100),
});
export type ConfirmSupplierShipmentBody = z.infer<typeof ConfirmSupplierShipmentBody>;

/** Marks a product as shipped by a supplier (null: we ship it ourselves). */
export const SetDropShipSupplierBody = z.strictObject({ supplierId: Id.nullable() });
export type SetDropShipSupplierBody = z.infer<typeof SetDropShipSupplierBody>;

/** `PUT /api/dropship/suppliers/:id/webhook`: send this supplier its orders by signed webhook too. */
export const SetSupplierWebhookBody = z.strictObject({
  /** https (http only to localhost), where the supplier order is POSTed. */
  url: z.url().max(500),
});
export type SetSupplierWebhookBody = z.infer<typeof SetSupplierWebhookBody>;

/** The supplier's webhook; the secret (Standard Webhooks `whsec_…`) is shown when it is made. */
export const SupplierWebhook = z
  .object({ supplierId: z.string(), url: z.string(), secret: z.string() })
  .meta({ id: 'SupplierWebhook' });
export type SupplierWebhook = z.infer<typeof SupplierWebhook>;

/** A supplier's webhook as the back office lists it: where it posts, never the secret. */
export const SupplierWebhookSummary = z
  .object({ supplierId: z.string(), url: z.string(), updatedAt: z.iso.datetime() })
  .meta({ id: 'SupplierWebhookSummary' });
export type SupplierWebhookSummary = z.infer<typeof SupplierWebhookSummary>;
