// The payment panel's choices: a row per payment (or the order's own when the server sends no
// list), the marketplace note only for marketplace-paid orders, and "still to pay" only above 0.
import type { AdminOrder, AdminOrderPayment } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { paymentMethodLabel, paymentMethodLabelOf } from './labels';
import { amountToPayOf, isPaidOnMarketplace, paymentRowsOf } from './payment-panel';

const sek = (amount: number) => ({ amount, currency: 'SEK' });
const payment = (patch: Partial<AdminOrderPayment> = {}): AdminOrderPayment => ({
  id: 'pay_1',
  method: 'card',
  status: 'authorized',
  reference: 'psp-1',
  authorized: sek(10_000),
  captured: sek(0),
  refunded: sek(0),
  ...patch,
});
const adminOrder = (patch: { payments?: AdminOrderPayment[]; amountToPay?: number } = {}) =>
  ({
    order: {
      payment: { ...payment(), action: null },
      amountDue: sek(12_000),
      ...(patch.amountToPay !== undefined ? { amountToPay: sek(patch.amountToPay) } : {}),
    },
    channelName: null,
    externalReference: null,
    editable: true,
    ...(patch.payments ? { payments: patch.payments } : {}),
  }) as unknown as AdminOrder;

describe('the payment panel', () => {
  it('lists every payment, or the order’s own without a list', () => {
    const two = [payment(), payment({ id: 'pay_2', method: 'swish', reference: null })];
    expect(paymentRowsOf(adminOrder({ payments: two })).map((p) => p.id)).toEqual(['pay_1', 'pay_2']);
    expect(paymentRowsOf(adminOrder())).toEqual([{ ...payment(), reference: null }]);
  });

  it('notes marketplace refunds only for an order paid on a marketplace', () => {
    expect(isPaidOnMarketplace([payment()])).toBe(false);
    expect(isPaidOnMarketplace([payment({ method: 'prepaid_external', reference: 'CDON-PAY-9' })])).toBe(
      true,
    );
  });

  it('shows what is still to pay only when above zero', () => {
    expect(amountToPayOf(adminOrder())).toBeNull();
    expect(amountToPayOf(adminOrder({ amountToPay: 0 }))).toBeNull();
    expect(amountToPayOf(adminOrder({ amountToPay: 2_000 }))).toEqual(sek(2_000));
  });

  it('labels every method, invoice and marketplace included; an unknown one has none', () => {
    expect(paymentMethodLabel('invoice')).toBe('ordersAdmin.method.invoice');
    expect(paymentMethodLabel('prepaid_external')).toBe('ordersAdmin.method.prepaid_external');
    expect(paymentMethodLabelOf('invoice')).toBe('ordersAdmin.method.invoice');
    expect(paymentMethodLabelOf('bitcoin')).toBeNull();
    expect(paymentMethodLabelOf('toString')).toBeNull();
  });
});
