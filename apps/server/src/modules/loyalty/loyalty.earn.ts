// The `loyalty.earn` job: outbox events with a member customer become ledger rows. The cursor is
// one row locked `for update skip locked` and moved in the same transaction as the rows it books;
// the ledger's unique source event id keeps every event booked at most once anyway (decision 0010).
// A balance that reaches the voucher threshold pays for a voucher the shopper redeems in store.
// Web orders earn when collected or shipped, and give back on `order.returned` (loyalty.web-orders).
import type { DomainEventDto } from '@handla/api';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { readEventsAfter } from '../../outbox/outbox.store';
import { findCompanyFacts } from '../pricing/pricing.shared';
import { newVoucherCode, VOUCHER_VALID_DAYS } from '../register/vouchers.service';
import { insertVoucher } from '../register/vouchers.store';
import { pointsFor, vouchersDue } from './loyalty.points';
import {
  appendLedgerRow,
  findLoyaltySettings,
  findMemberCompany,
  findReceiptCustomer,
  lockLoyaltyCursor,
  moveLoyaltyCursor,
  pointsBalance,
} from './loyalty.store';
import { webPurchaseOf } from './loyalty.web-orders';

const BATCH_EVENTS = 1000;
const DAY_MS = 86_400_000;

interface Purchase {
  customerId: string;
  amountOre: number;
  channel: 'store' | 'web';
  isReturn: boolean;
  receiptId?: string | null;
}

/** The purchase an event stands for, or null when it earns nothing. */
function purchaseOf(event: DomainEventDto): Purchase | null {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'sale.completed' || event.type === 'sale.returned') {
    if (typeof data.customerId !== 'string' || typeof data.totalToPay !== 'number') return null;
    const isReturn = event.type === 'sale.returned';
    return { customerId: data.customerId, amountOre: Math.abs(data.totalToPay), channel: 'store', isReturn };
  }
  const web = webPurchaseOf(event);
  return web ? { ...web, channel: 'web' } : null;
}

/**
 * A pay-in-store order paid on a receipt with the same customer earned (or gave back) its points
 * through `sale.completed` / `sale.returned`: its order events must not count them again.
 */
async function isBookedByReceipt(tx: Queryable, purchase: Purchase): Promise<boolean> {
  if (purchase.channel !== 'web' || !purchase.receiptId) return false;
  return (await findReceiptCustomer(tx, purchase.receiptId)) === purchase.customerId;
}

/** Spends the balance on vouchers, one per full threshold, each with its ledger row. */
async function issueDueVouchers(
  tx: Queryable,
  ctx: AppContext,
  companyId: string,
  customerId: string,
  now: Date,
) {
  const settings = await findLoyaltySettings(tx, companyId);
  const due = vouchersDue(await pointsBalance(tx, customerId), settings.voucherEveryPoints);
  const company = await findCompanyFacts(tx);
  for (let i = 0; i < due; i++) {
    const voucherId = ctx.newId('vch');
    await insertVoucher(tx, {
      id: voucherId,
      companyId,
      code: newVoucherCode(),
      amount: settings.voucherAmount,
      currency: company.currency,
      validUntil: new Date(now.getTime() + VOUCHER_VALID_DAYS * DAY_MS),
      isSingleUse: true,
      reason: 'loyalty',
      issuedBy: null,
      issuedReceiptId: null,
      at: now,
    });
    await appendLedgerRow(tx, {
      id: ctx.newId('lpt'),
      companyId,
      customerId,
      points: -settings.voucherEveryPoints,
      reason: 'voucher',
      sourceEventId: null,
      voucherId,
      at: now,
    });
  }
}

async function earnBatch(ctx: AppContext, now: Date): Promise<{ booked: number; isCaughtUp: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const from = await lockLoyaltyCursor(tx);
    if (from === null) return { booked: 0, isCaughtUp: true };
    const events = await readEventsAfter(tx, from, BATCH_EVENTS);
    const last = events.at(-1);
    if (!last) return { booked: 0, isCaughtUp: true };
    let booked = 0;
    for (const event of events) {
      const purchase = purchaseOf(event);
      if (!purchase || (await isBookedByReceipt(tx, purchase))) continue;
      const companyId = await findMemberCompany(tx, purchase.customerId);
      if (!companyId) continue;
      const settings = await findLoyaltySettings(tx, companyId);
      const rate = purchase.channel === 'store' ? settings.storeRateMilli : settings.webRateMilli;
      const points = pointsFor(purchase.amountOre, rate);
      if (points === 0) continue;
      await appendLedgerRow(tx, {
        id: ctx.newId('lpt'),
        companyId,
        customerId: purchase.customerId,
        points: purchase.isReturn ? -points : points,
        reason: purchase.isReturn ? 'returned' : 'earned',
        sourceEventId: Number(event.id),
        voucherId: null,
        at: new Date(event.occurredAt),
      });
      booked++;
      if (!purchase.isReturn) await issueDueVouchers(tx, ctx, companyId, purchase.customerId, now);
    }
    await moveLoyaltyCursor(tx, Number(last.id));
    return { booked, isCaughtUp: events.length < BATCH_EVENTS };
  });
}

/** Books points until caught up with the outbox (at most `maxBatches`); returns the rows booked. */
export async function runLoyaltyEarn(ctx: AppContext, now: Date, maxBatches = 20): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const { booked, isCaughtUp } = await earnBatch(ctx, now);
    total += booked;
    if (isCaughtUp) break;
  }
  return total;
}
