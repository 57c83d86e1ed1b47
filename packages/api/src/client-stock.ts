// The stock area of the typed client: levels, movements, transfers, counts, purchasing, replenishment.
import type { Transport } from './client';

/** Stock methods on top of the shared transport. */
export function createStockClient(_t: Transport) {
  return {};
}
