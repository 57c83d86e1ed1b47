// Gift cards: issued with an amount, redeemed at the register (receipts.apply.ts); the balance is
// always the sum of the card's ledger, never a stored number.
import { randomInt } from 'node:crypto';
import type { GiftCard, IssueGiftCardBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { insertGiftCard, insertGiftCardEntry } from './commands.store';

async function findGiftCard(q: Queryable, code: string): Promise<GiftCard | undefined> {
  const [row] = await q.query<{
    id: string;
    code: string;
    currency: string;
    balance: number;
    createdAt: Date;
  }>(
    `select g.id, g.code, g.currency, g.created_at as "createdAt",
            (select coalesce(sum(l.amount), 0)::integer from gift_card_ledger l where l.gift_card_id = g.id) as balance
       from gift_cards g where g.code = $1`,
    [code],
  );
  return row
    ? {
        id: row.id,
        code: row.code,
        balance: { amount: row.balance, currency: row.currency },
        createdAt: row.createdAt.toISOString(),
      }
    : undefined;
}

/** The card and its balance, or 404. */
export async function getGiftCard(ctx: AppContext, code: string): Promise<GiftCard> {
  const card = await findGiftCard(ctx.db, code);
  if (!card)
    throw new DomainError('not_found', 'No such gift card.', [
      { field: 'code', message: 'Unknown gift card' },
    ]);
  return card;
}

/** Issues a card loaded with `amount`. */
export async function issueGiftCard(ctx: AppContext, input: IssueGiftCardBody): Promise<GiftCard> {
  const now = ctx.clock();
  const code = input.code ?? Array.from({ length: 16 }, () => randomInt(0, 10)).join('');
  const company = await findCompanyFacts(ctx.db);
  return ctx.db.transaction(async (tx) => {
    if (await findGiftCard(tx, code)) {
      throw new DomainError('duplicate', 'A gift card with that code exists.', [
        { field: 'code', message: 'Taken' },
      ]);
    }
    const id = ctx.newId('gcd');
    await insertGiftCard(tx, {
      id,
      companyId: company.id,
      code,
      currency: company.currency,
      receiptId: null,
      at: now,
    });
    await insertGiftCardEntry(tx, {
      id: ctx.newId('gcl'),
      giftCardId: id,
      amount: input.amount,
      receiptId: null,
      at: now,
    });
    await emitEvent(
      tx,
      {
        type: 'gift_card.issued',
        aggregateType: 'gift_card',
        aggregateId: id,
        data: { giftCardId: id, amount: input.amount },
      },
      now,
    );
    return (await findGiftCard(tx, code))!;
  });
}
