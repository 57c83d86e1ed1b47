// Voucher payments on a receipt, inside the receipt's transaction. Paying with a voucher redeems it
// (valid at the sale's time, unused if single use, worth at least the payment; what it is worth
// beyond the payment is forfeited — a voucher gives no change). A negative voucher payment on a
// return is a credit note ("tillgodokvitto"): a new voucher with the payment's reference as code.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents, type NewEvent } from '../../outbox/emit';
import { invalidField } from './receipt-checks';
import type { ReceiptWork } from './receipts.apply';
import { VOUCHER_VALID_DAYS } from './vouchers.service';
import { findVoucher, insertVoucher, insertVoucherRedemption } from './vouchers.store';

function refused(field: string, message: string, detail: string): DomainError {
  return new DomainError('invalid_state', detail, [{ field, message }]);
}

/** Redeems or issues the receipt's vouchers; training receipts touch none. */
export async function applyVoucherPayments(tx: Queryable, ctx: AppContext, w: ReceiptWork): Promise<void> {
  const { computed, cmd, register } = w;
  if (computed.isTraining) return;
  const events: NewEvent[] = [];
  const soldAt = new Date(cmd.at);
  for (const [i, payment] of computed.payments.entries()) {
    if (payment.method !== 'voucher') continue;
    const at = `${w.field}draft.payments[${i}].reference`;
    if (!payment.reference) throw invalidField(at, 'The voucher’s code is required');
    const voucher = await findVoucher(tx, payment.reference, true);
    if (payment.amount < 0) {
      if (voucher) {
        throw new DomainError('duplicate', 'A voucher with that code exists.', [
          { field: at, message: 'Taken' },
        ]);
      }
      const id = ctx.newId('vch');
      await insertVoucher(tx, {
        id,
        companyId: register.companyId,
        code: payment.reference,
        amount: -payment.amount,
        currency: computed.currency,
        validUntil: new Date(soldAt.getTime() + VOUCHER_VALID_DAYS * 86_400_000),
        isSingleUse: true,
        reason: 'Tillgodokvitto (retur)',
        issuedBy: cmd.cashierId,
        issuedReceiptId: cmd.receiptId,
        at: w.now,
      });
      events.push({
        type: 'voucher.issued',
        aggregateType: 'voucher',
        aggregateId: id,
        storeId: register.storeId,
        data: { voucherId: id, amount: -payment.amount, reason: 'return', receiptId: cmd.receiptId },
      });
      continue;
    }
    if (!voucher) throw invalidField(at, 'Unknown voucher');
    if (voucher.currency !== computed.currency) {
      throw invalidField(at, `The voucher is in ${voucher.currency}, the receipt in ${computed.currency}`);
    }
    // Judged at the sale's time: a receipt made offline before the voucher expired still pays.
    if (voucher.validUntil.getTime() < soldAt.getTime()) {
      throw refused(at, `Expired ${voucher.validUntil.toISOString()}`, 'The voucher has expired.');
    }
    if (voucher.isSingleUse && voucher.timesUsed > 0) {
      throw refused(at, 'Already used', 'The voucher has been used.');
    }
    if (payment.amount > voucher.amount) {
      throw refused(at, `Worth ${voucher.amount}`, 'The voucher does not cover the amount.');
    }
    await insertVoucherRedemption(tx, {
      id: ctx.newId('vcr'),
      voucherId: voucher.id,
      receiptId: cmd.receiptId,
      amount: payment.amount,
      at: w.now,
    });
    events.push({
      type: 'voucher.redeemed',
      aggregateType: 'voucher',
      aggregateId: voucher.id,
      storeId: register.storeId,
      data: {
        voucherId: voucher.id,
        amount: payment.amount,
        forfeited: voucher.isSingleUse ? voucher.amount - payment.amount : 0,
        receiptId: cmd.receiptId,
      },
    });
  }
  await emitEvents(tx, events, w.now);
}
