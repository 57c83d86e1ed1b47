// Shipping: carriers behind a port, shipments per line and quantity, labels (PDF, Code 128), a capture per shipment.
import { z } from 'zod';
import { MoneyDto } from './common';

/** Units of one order line to put in a shipment. */
export const ShipmentLineInput = z.strictObject({
  orderLineId: z.string().min(1).max(64),
  quantity: z.number().int().min(1).max(999),
});
export type ShipmentLineInput = z.infer<typeof ShipmentLineInput>;

/** One parcel as the carrier books it; weights in grams, sizes in centimetres. */
export const Parcel = z
  .strictObject({
    weightGrams: z.number().int().min(1).max(70_000),
    lengthCm: z.number().int().min(1).max(300).optional(),
    widthCm: z.number().int().min(1).max(300).optional(),
    heightCm: z.number().int().min(1).max(300).optional(),
  })
  .meta({ id: 'Parcel' });
export type Parcel = z.infer<typeof Parcel>;

/** `POST /api/shipping/orders/:orderId/shipments`: a repeat with the same key is the same shipment. */
export const CreateShipmentBody = z.strictObject({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_:.-]{8,100}$/, '8–100 letters, digits or _ : . -'),
  lines: z.array(ShipmentLineInput).min(1).max(200),
  parcels: z.array(Parcel).min(1).max(20).optional(),
});
export type CreateShipmentBody = z.infer<typeof CreateShipmentBody>;

/** `POST /api/shipping/orders/:orderId/cancel-rest`: what is not shipped is cancelled. */
export const CancelRestBody = z.strictObject({
  reason: z.string().trim().min(1).max(200).optional(),
});
export type CancelRestBody = z.infer<typeof CancelRestBody>;

export const ShipmentStatus = z.enum(['started', 'captured', 'done', 'failed']);
export type ShipmentStatus = z.infer<typeof ShipmentStatus>;

/** A shipment: its lines, what was captured for it, the carrier's tracking number and label. */
export const Shipment = z
  .object({
    id: z.string(),
    orderId: z.string(),
    orderNumber: z.string(),
    /** 1 for the order's first shipment, 2 for the next, … */
    number: z.number().int(),
    status: ShipmentStatus,
    carrier: z.string(),
    serviceCode: z.string(),
    fromLocationId: z.string(),
    trackingNumber: z.string().nullable(),
    trackingUrl: z.string().nullable(),
    /** `GET` it for the label PDF; null until the carrier booked it. */
    labelUrl: z.string().nullable(),
    /** Captured for this shipment: its lines, and the shipping fee on the first. */
    amount: MoneyDto,
    shippingFee: MoneyDto,
    lines: z.array(
      z.object({
        orderLineId: z.string(),
        sku: z.string(),
        name: z.string(),
        quantity: z.number().int(),
        amount: MoneyDto,
      }),
    ),
    parcels: z.array(Parcel),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Shipment' });
export type Shipment = z.infer<typeof Shipment>;

/** Where an order's delivery stands: nothing shipped yet, some, everything (or the rest cancelled). */
export const ShippingState = z.enum(['unshipped', 'partially_shipped', 'shipped', 'nothing_to_ship']);
export type ShippingState = z.infer<typeof ShippingState>;

/** An order line with what is shipped, cancelled and still to ship. */
export const ShippingOrderLine = z.object({
  id: z.string(),
  sku: z.string(),
  name: z.string(),
  state: z.string(),
  quantity: z.number().int(),
  shipped: z.number().int(),
  cancelled: z.number().int(),
  /** Units that may still be shipped (not in a shipment under way). */
  remaining: z.number().int(),
  unitPrice: MoneyDto,
  shipFromLocationId: z.string().nullable(),
  isShippable: z.boolean(),
});
export type ShippingOrderLine = z.infer<typeof ShippingOrderLine>;

/** An order seen from the warehouse: its lines, payment and shipments. */
export const ShippingOrder = z
  .object({
    orderId: z.string(),
    number: z.string(),
    status: z.string(),
    fulfilment: z.enum(['pickup', 'delivery']),
    customerName: z.string(),
    shippingState: ShippingState,
    payment: z.object({
      status: z.string(),
      authorized: MoneyDto,
      captured: MoneyDto,
    }),
    lines: z.array(ShippingOrderLine),
    shipments: z.array(Shipment),
  })
  .meta({ id: 'ShippingOrder' });
export type ShippingOrder = z.infer<typeof ShippingOrder>;

export const ShippingOrderQuery = z.strictObject({ number: z.coerce.number().int().min(1) });
export type ShippingOrderQuery = z.infer<typeof ShippingOrderQuery>;

export const RecentShipmentsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecentShipmentsQuery = z.infer<typeof RecentShipmentsQuery>;

export const RecentShipments = z.object({ items: z.array(Shipment) }).meta({ id: 'RecentShipments' });
export type RecentShipments = z.infer<typeof RecentShipments>;

/** `GET /api/orders/status/:token/shipments`: the parcels of an order as its shopper sees them. */
export const ShopperShipments = z
  .object({
    shippingState: ShippingState,
    shipments: z.array(
      z.object({
        number: z.number().int(),
        carrier: z.string(),
        trackingNumber: z.string().nullable(),
        trackingUrl: z.string().nullable(),
        /** When the parcel left (the carrier booked it). */
        shippedAt: z.string().nullable(),
        /** In the order's language. */
        lines: z.array(z.object({ orderLineId: z.string(), name: z.string(), quantity: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'ShopperShipments' });
export type ShopperShipments = z.infer<typeof ShopperShipments>;
