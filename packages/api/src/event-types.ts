// Kept apart from the zod schemas so that the browser apps can import the list without zod.

/** Every event type Handla emits; past tense. Apps subscribe to these by name on the SSE stream. */
export const EVENT_TYPES = [
  'staff.signed_in',
  'api_key.created',
  'api_key.revoked',
  'category.created',
  'category.updated',
  'product.created',
  'product.updated',
  'price.changed',
  'stock.changed',
  'stock.reserved',
  'stock.released',
  'stock.count_needed',
  'transfer.sent',
  'transfer.received',
  'stock_count.completed',
  'purchase_order.created',
  'purchase_order.received',
] as const;
/** One of the event types. */
export type EventType = (typeof EVENT_TYPES)[number];
