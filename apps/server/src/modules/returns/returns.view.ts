// The return request as staff and the shopper see it, with the parcel instructions in the order's language.
import type { ReturnRequest } from '@handla/api';
import type { OrderLineRow, OrderRow } from '../orders/orders.store';
import type { ReturnRequestRow } from './returns.store';

/** "RMA-1001": what goes on the parcel. */
export const rmaNumberOf = (number: number) => `RMA-${number}`;

/** What the shopper does next, in the order's language. */
export function returnInstructions(order: Pick<OrderRow, 'locale'>, rma: string): string {
  return order.locale === 'sv'
    ? `Packa varorna väl, skriv ${rma} på paketet och skicka det till Demo Butik AB, Returer, Box 100, 111 51 Stockholm, eller lämna det i någon av våra butiker. Pengarna återbetalas när vi har tagit emot och kontrollerat varorna.`
    : `Pack the items well, write ${rma} on the parcel and send it to Demo Butik AB, Returns, Box 100, 111 51 Stockholm, or hand it in at one of our stores. We refund you once we have received and checked the items.`;
}

const money = (amount: number | null, currency: string) => (amount === null ? null : { amount, currency });

export function viewReturn(row: ReturnRequestRow, order: OrderRow, lines: OrderLineRow[]): ReturnRequest {
  const byId = new Map(lines.map((l) => [l.id, l]));
  const rma = rmaNumberOf(row.number);
  const isReceived = row.receivedAt !== null;
  return {
    id: row.id,
    rmaNumber: rma,
    orderId: order.id,
    orderNumber: String(order.number),
    customerName: order.customerName,
    status: row.status,
    source: row.source,
    reason: row.reason,
    requestedAt: new Date(row.requestedAt).toISOString(),
    instructions: returnInstructions(order, rma),
    lines: row.lines.map((l) => {
      const line = byId.get(l.orderLineId)!;
      return {
        orderLineId: l.orderLineId,
        sku: line.sku,
        productName: order.locale === 'sv' ? line.productNameSv : line.productNameEn,
        variantName: line.variantName,
        quantity: l.quantity,
        unitPrice: { amount: line.unitPriceInclVat, currency: order.currency },
        restocked: l.restocked,
        writtenOff: l.writtenOff,
        writeOffReason: l.writeOffReason,
      };
    }),
    locationId: row.locationId,
    receivedAt: row.receivedAt ? new Date(row.receivedAt).toISOString() : null,
    refund: money(row.refundAmount, order.currency),
    shippingRefund: isReceived ? money(row.shippingRefund, order.currency) : null,
    shippingFee: isReceived ? money(row.shippingFee, order.currency) : null,
    refundError: row.refundError,
    refundedAt: row.refundedAt ? new Date(row.refundedAt).toISOString() : null,
  };
}
