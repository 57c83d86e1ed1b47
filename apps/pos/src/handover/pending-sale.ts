// A pay-in-store order already rung up on this register but not yet on the server (the receipt
// waits in the offline queue, or the cart is parked) still looks ready to collect when looked up.
// Ringing it up again would sell it twice, so the register checks its own queue and parked carts.
import type { Cart } from '../sale/cart';

/** Where this register already has the order: a receipt waiting to be sent, or a parked cart. */
export type PendingWebOrderSale =
  | { kind: 'queued'; receiptNumber: number }
  | { kind: 'parked'; parkedAt: string };

interface QueuedLike {
  command: unknown;
}
interface ParkedLike {
  parkedAt: string;
  draft: unknown;
}

function queuedSaleOf(command: unknown): { webOrderId?: string; receiptNumber?: number } | null {
  if (typeof command !== 'object' || command === null) return null;
  const c = command as {
    kind?: unknown;
    receiptNumber?: unknown;
    draft?: { webOrderId?: unknown; isTraining?: unknown };
  };
  // Practice receipts never touch the order on the server, so they do not count.
  if (c.kind !== 'sale.complete' || c.draft?.isTraining === true) return null;
  return {
    ...(typeof c.draft?.webOrderId === 'string' ? { webOrderId: c.draft.webOrderId } : {}),
    ...(typeof c.receiptNumber === 'number' ? { receiptNumber: c.receiptNumber } : {}),
  };
}

export function pendingWebOrderSale(
  orderId: string,
  queue: readonly QueuedLike[],
  parked: readonly ParkedLike[],
): PendingWebOrderSale | null {
  for (const queued of queue) {
    const sale = queuedSaleOf(queued.command);
    if (sale?.webOrderId === orderId) return { kind: 'queued', receiptNumber: sale.receiptNumber ?? 0 };
  }
  const parkedCart = parked.find((p) => (p.draft as Partial<Cart> | null)?.webOrder?.id === orderId);
  return parkedCart ? { kind: 'parked', parkedAt: parkedCart.parkedAt } : null;
}
