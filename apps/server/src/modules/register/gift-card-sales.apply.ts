// Gift cards sold or topped up on a receipt, inside the receipt's transaction: the card is issued
// (or loaded) with a ledger entry pointing at the receipt and announced. A gift card is money held
// for the customer, not goods: its line has no SKU, moves no stock and is not a receipt line row.
import type { ComputedReceiptLine } from '@handla/core';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvents, type NewEvent } from '../../outbox/emit';
import { insertGiftCard, insertGiftCardEntry, lockGiftCard } from './commands.store';
import { invalidField } from './receipt-checks';
import type { ReceiptWork } from './receipts.apply';

/** The lines that are goods (they have a SKU and move stock): all but gift cards. */
export function isGoodsLine(line: Pick<ComputedReceiptLine, 'giftCard'>): boolean {
  return !line.giftCard;
}

/** Issues or tops up every gift card the receipt sells; training receipts load nothing. */
export async function applyGiftCardSales(tx: Queryable, ctx: AppContext, w: ReceiptWork): Promise<void> {
  const { computed, cmd, register } = w;
  if (computed.isTraining) return;
  const events: NewEvent[] = [];
  for (const [i, line] of computed.lines.entries()) {
    if (!line.giftCard) continue;
    const at = `${w.field}draft.lines[${i}].giftCard.code`;
    const { code, action } = line.giftCard;
    const existing = await lockGiftCard(tx, code);
    let giftCardId: string;
    if (action === 'issue') {
      if (existing) {
        throw new DomainError('duplicate', 'A gift card with that code exists; top it up instead.', [
          { field: at, message: 'Already issued' },
        ]);
      }
      giftCardId = ctx.newId('gcd');
      await insertGiftCard(tx, {
        id: giftCardId,
        companyId: register.companyId,
        code,
        currency: computed.currency,
        receiptId: cmd.receiptId,
        at: w.now,
      });
    } else {
      if (!existing) throw invalidField(at, 'Unknown gift card');
      if (existing.currency !== computed.currency) {
        throw invalidField(at, `The card holds ${existing.currency}, the receipt is in ${computed.currency}`);
      }
      giftCardId = existing.id;
    }
    await insertGiftCardEntry(tx, {
      id: ctx.newId('gcl'),
      giftCardId,
      amount: line.amountInclVat,
      receiptId: cmd.receiptId,
      at: w.now,
    });
    events.push({
      type: action === 'issue' ? 'gift_card.issued' : 'gift_card.topped_up',
      aggregateType: 'gift_card',
      aggregateId: giftCardId,
      storeId: register.storeId,
      data: {
        giftCardId,
        amount: line.amountInclVat,
        receiptId: cmd.receiptId,
        balance: (existing?.balance ?? 0) + line.amountInclVat,
      },
    });
  }
  await emitEvents(tx, events, w.now);
}
