// "Pay in store" settled at the register. The money is on a register receipt, not at a provider:
// the payment keeps its final status `pay_in_store` (nothing to capture, refund or release online)
// and its history records which receipt took how much, so staff see the order was paid.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import * as store from './payments.store';

/** Records, in the caller's transaction, that receipt `receiptId` took `amount` for the order. Once per receipt. */
export async function recordInStoreSettlementIn(
  tx: Queryable,
  ctx: AppContext,
  input: { paymentId: string; amount: number; receiptId: string; actor: string },
): Promise<void> {
  const row = await store.findPaymentRow(tx, input.paymentId);
  if (row?.method !== 'in_store') {
    throw new DomainError('invalid_state', `Payment ${input.paymentId} is not paid in store.`, [
      { field: 'paymentId', message: 'Not a pay-in-store payment' },
    ]);
  }
  const now = ctx.clock();
  await store.insertOperation(tx, {
    id: ctx.newId('pop'),
    paymentId: row.id,
    kind: 'capture',
    amount: input.amount,
    idempotencyKey: `receipt:${input.receiptId}`,
    outcome: 'succeeded',
    request: { call: 'none', receiptId: input.receiptId },
    response: { settledBy: 'register_receipt', receiptId: input.receiptId },
    actor: input.actor,
    reason: `Paid at the register on receipt ${input.receiptId}`,
    now,
  });
}
