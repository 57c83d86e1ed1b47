// The inventory part of the pure core: availability, bundles, document life cycles, counts,
// purchase order receipts and replenishment.
export * from './availability';
export * from './counts';
export * from './purchase-orders';
export * from './replenishment';
export * from './state-machine';
export * from './transfers';
