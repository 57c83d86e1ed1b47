// Purchase orders to suppliers and receiving them: deliveries may be partial, short or too large;
// each over- or under-delivery is recorded as a deviation per line.
import type { SkuQuantity } from './availability';
import type { StatusMove } from './state-machine';

/** Where a purchase order is: waiting, partly delivered, delivered, or closed for good. */
export type PurchaseOrderStatus = 'open' | 'partially_received' | 'received' | 'closed';

/** Every move a purchase order may make. */
export const PURCHASE_ORDER_MOVES: readonly StatusMove<PurchaseOrderStatus>[] = [
  { from: 'open', to: 'partially_received', reason: 'A delivery covered part of the order' },
  { from: 'open', to: 'received', reason: 'A delivery covered the whole order, or was the last one' },
  { from: 'partially_received', to: 'partially_received', reason: 'Another part of the order arrived' },
  {
    from: 'partially_received',
    to: 'received',
    reason: 'The rest arrived, or the supplier sent the last delivery',
  },
  { from: 'open', to: 'closed', reason: 'Cancelled before anything arrived; nothing is expected any more' },
  {
    from: 'partially_received',
    to: 'closed',
    reason: 'The supplier will not deliver the rest: it becomes under-delivery',
  },
  { from: 'received', to: 'closed', reason: 'Delivered and settled; the order is archived' },
];

/** A purchase order line: ordered and received so far (ordered 0: delivered without being ordered). */
export interface PurchaseOrderLineState {
  skuId: string;
  orderedQuantity: number;
  receivedQuantity: number;
}

/** More or fewer units than ordered. */
export interface ReceiptDeviation {
  skuId: string;
  kind: 'over' | 'under';
  quantity: number;
}

/** What a delivery does to an order: its lines afterwards, new deviations and the new status. */
export interface ReceiptOutcome {
  lines: PurchaseOrderLineState[];
  deviations: ReceiptDeviation[];
  status: PurchaseOrderStatus;
}

/**
 * Books a delivery against the order. Units beyond what was ordered are an over-delivery when they
 * arrive; a shortfall is only an under-delivery once the supplier says this was the last delivery
 * (`isFinal`), since until then the rest may still come.
 */
export function receivePurchaseOrder(
  lines: readonly PurchaseOrderLineState[],
  delivered: readonly SkuQuantity[],
  isFinal: boolean,
): ReceiptOutcome {
  const after = new Map(lines.map((line) => [line.skuId, { ...line }]));
  const deviations: ReceiptDeviation[] = [];
  for (const { skuId, quantity } of delivered) {
    const line = after.get(skuId) ?? { skuId, orderedQuantity: 0, receivedQuantity: 0 };
    const overBefore = Math.max(0, line.receivedQuantity - line.orderedQuantity);
    line.receivedQuantity += quantity;
    after.set(skuId, line);
    const over = Math.max(0, line.receivedQuantity - line.orderedQuantity) - overBefore;
    if (over > 0) deviations.push({ skuId, kind: 'over', quantity: over });
  }
  const result = [...after.values()];
  if (isFinal) deviations.push(...outstandingAsUnder(result));
  const isComplete = result.every((line) => line.receivedQuantity >= line.orderedQuantity);
  const hasAny = result.some((line) => line.receivedQuantity > 0);
  const status = isFinal || isComplete ? 'received' : hasAny ? 'partially_received' : 'open';
  return { lines: result, deviations, status };
}

/** The under-deliveries of lines still short: what closing the order (or a last delivery) records. */
export function outstandingAsUnder(lines: readonly PurchaseOrderLineState[]): ReceiptDeviation[] {
  return lines.flatMap((line) =>
    line.receivedQuantity < line.orderedQuantity
      ? [
          {
            skuId: line.skuId,
            kind: 'under' as const,
            quantity: line.orderedQuantity - line.receivedQuantity,
          },
        ]
      : [],
  );
}
