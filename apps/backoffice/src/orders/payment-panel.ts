// What the order page's payment panel shows, decided without React: one row per payment of the
// order (its own first, then any "pay the difference" payment), and what the shopper still owes.
import type { AdminOrder, AdminOrderPayment } from '@handla/api';

/** Every payment of the order; a server without the list gives the order's own payment only. */
export function paymentRowsOf(data: AdminOrder): AdminOrderPayment[] {
  if (data.payments && data.payments.length > 0) return data.payments;
  const p = data.order.payment;
  return [
    {
      id: p.id,
      method: p.method,
      status: p.status,
      reference: null,
      authorized: p.authorized,
      captured: p.captured,
      refunded: p.refunded,
    },
  ];
}

/** Paid on a marketplace: captures are bookkeeping and the marketplace makes the refunds. */
export const isPaidOnMarketplace = (rows: readonly AdminOrderPayment[]): boolean =>
  rows.some((r) => r.method === 'prepaid_external');

/** What the shopper still has to pay after an edit raised the order, or null when nothing. */
export function amountToPayOf(data: AdminOrder): AdminOrder['order']['amountDue'] | null {
  const toPay = data.order.amountToPay;
  return toPay && toPay.amount > 0 ? toPay : null;
}
