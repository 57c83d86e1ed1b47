// The voucher part of a web checkout (docs/loyalty.md): checked in step 1 with the rest of the
// request, locked and redeemed in step 2 (hold-and-write.ts), paid as a `voucher` payment in step 3
// before the shopper's method pays the rest (payment-step.ts).
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { checkCheckoutVouchers, voucherPartsOf } from '../../modules/loyalty/web-vouchers';
import type { CheckoutPlan, PlaceOrderBody } from '../../modules/orders/checkout.validate';
import type { CheckoutContext } from './checkout-types';
import { pricedPlanOf } from './hold-and-write';

/**
 * Step 1 for vouchers: the shopper's own, valid and unused, and a method that can pay a rest; a
 * card payment without a card token only when the vouchers pay the whole order.
 * Pay in store and invoice are refused: the register and the invoice would each ask for the whole
 * order again, so the voucher part would be paid twice.
 */
export async function checkVoucherPayment(
  ctx: AppContext,
  input: CheckoutContext,
  body: PlaceOrderBody,
  plan: CheckoutPlan,
): Promise<void> {
  const codes = body.payment.vouchers;
  const needsCard = body.payment.method === 'card' && !body.payment.cardToken;
  if (!codes) {
    if (needsCard) throw cardTokenRequired();
    return;
  }
  if (input.channel === 'api') {
    throw new DomainError('validation_failed', 'Vouchers are paid with at the web checkout only.', [
      { field: 'payment.vouchers', message: 'Not for API orders' },
    ]);
  }
  if (body.payment.method === 'in_store' || body.payment.method === 'invoice') {
    throw new DomainError('validation_failed', 'Vouchers cannot be combined with this way to pay.', [
      { field: 'payment.vouchers', message: 'Pay the rest by card, Klarna or Swish' },
    ]);
  }
  const vouchers = await checkCheckoutVouchers(ctx.db, {
    customerId: input.customerId,
    codes,
    currency: plan.currency,
    at: ctx.clock(),
  });
  // Without a card token only when nothing is left for the card to pay.
  const total = pricedPlanOf(plan).totals.total.amount;
  if (needsCard && voucherPartsOf(vouchers, total).total < total) throw cardTokenRequired();
}

function cardTokenRequired(): DomainError {
  return new DomainError('validation_failed', 'A card payment needs a card token.', [
    { field: 'payment.cardToken', message: 'Required for card payments' },
  ]);
}
