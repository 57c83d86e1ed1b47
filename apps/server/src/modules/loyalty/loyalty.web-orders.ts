// What a web order's events are worth in points: the goods handed over (collected or shipped), after
// their discounts and without shipping — captured money, not a placed order, which may still be
// cancelled — and the goods given back on a return.
import type { DomainEventDto, Order } from '@handla/api';

export interface WebPurchase {
  customerId: string;
  amountOre: number;
  isReturn: boolean;
  /** The register receipt a pay-in-store order was paid on (it may earn the points itself). */
  receiptId: string | null;
}

type EventOrder = Pick<Order, 'customerId' | 'lines' | 'receiptId'>;

// Removed and substituted lines were never handed over (a substitute is its own line).
const isHandedOver = (line: Order['lines'][number]) =>
  line.state !== 'removed' && line.state !== 'substituted';

/** The share of a line's total (after discounts) that `units` of its units carry. */
function unitsAmount(line: Order['lines'][number], units: number): number {
  return line.quantity === 0 ? 0 : Math.round((line.lineTotal.amount * units) / line.quantity);
}

/** The purchase a web order event stands for, or null when it earns nothing. */
export function webPurchaseOf(event: Pick<DomainEventDto, 'type' | 'data'>): WebPurchase | null {
  const data = event.data as { order?: EventOrder; lines?: unknown };
  const order = data.order;
  if (typeof order?.customerId !== 'string' || !Array.isArray(order.lines)) return null;
  const base = { customerId: order.customerId, receiptId: order.receiptId ?? null };
  if (event.type === 'order.collected' || event.type === 'order.shipped') {
    const amountOre = order.lines.filter(isHandedOver).reduce((sum, l) => sum + l.lineTotal.amount, 0);
    return { ...base, amountOre, isReturn: false };
  }
  if (event.type === 'order.returned' && Array.isArray(data.lines)) {
    const byId = new Map(order.lines.map((l) => [l.id, l]));
    let amountOre = 0;
    for (const returned of data.lines as {
      orderLineId: string;
      quantity: number;
      restocked?: number | null;
    }[]) {
      const line = byId.get(returned.orderLineId);
      // An inspected return refunds (and takes back) the units accepted back into stock.
      if (line) amountOre += unitsAmount(line, returned.restocked ?? returned.quantity);
    }
    return { ...base, amountOre, isReturn: true };
  }
  return null;
}
