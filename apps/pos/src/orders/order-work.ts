// What the register may do next with an order while staff work it: pure rules over the order
// as the server last answered it (the server checks them again; these only shape the screen).
import type { Order, OrderLine } from '@handla/api';

/** The next step for the whole order, or null when staff have nothing to do here. */
export type OrderStep = 'accept' | 'startPicking' | 'markReady' | null;

/** Lines that are still to be collected in the store and can be worked (not a replaced one). */
export function isLineOpen(line: OrderLine): boolean {
  return line.state === 'open';
}

/** Every line is picked, removed, substituted or shipping: nothing left on the shelf to find. */
export function isFullyResolved(order: Order): boolean {
  return order.lines.every((line) => !isLineOpen(line));
}

export function nextStep(order: Order): OrderStep {
  switch (order.status) {
    case 'placed':
      return 'accept';
    case 'accepted':
      return 'startPicking';
    case 'picking':
      return 'markReady';
    default:
      return null;
  }
}

/** Lines can be picked, substituted, removed or shipped home while the order is being picked. */
export function canWorkLines(order: Order): boolean {
  return order.status === 'picking';
}

/**
 * A scanned item: the open line of that SKU still missing units, and the picked count to send
 * (one more than found so far). Null when the order has no such line to pick.
 */
export function pickForScan(order: Order, skuId: string): { line: OrderLine; quantity: number } | null {
  const line = order.lines.find((l) => l.skuId === skuId && isLineOpen(l) && l.pickedQuantity < l.quantity);
  return line ? { line, quantity: line.pickedQuantity + 1 } : null;
}

/** Units to pick over the order's open lines, and how many are found. */
export function pickProgress(order: Order): { picked: number; total: number } {
  let picked = 0;
  let total = 0;
  for (const line of order.lines) {
    if (line.state === 'removed' || line.state === 'substituted' || line.state === 'shipping') continue;
    total += line.quantity;
    picked += line.state === 'picked' ? line.quantity : line.pickedQuantity;
  }
  return { picked, total };
}
