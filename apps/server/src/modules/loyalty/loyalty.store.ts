// SQL for loyalty: settings, the append-only points ledger and the earning job's cursor.
import type { Queryable } from '@handla/db';

export interface LoyaltySettingsRow {
  storeRateMilli: number;
  webRateMilli: number;
  voucherEveryPoints: number;
  voucherAmount: number;
}

const DEFAULT_SETTINGS: LoyaltySettingsRow = {
  storeRateMilli: 100,
  webRateMilli: 100,
  voucherEveryPoints: 500,
  voucherAmount: 5000,
};

export async function findLoyaltySettings(q: Queryable, companyId: string): Promise<LoyaltySettingsRow> {
  const [row] = await q.query<LoyaltySettingsRow>(
    `select store_rate_milli as "storeRateMilli", web_rate_milli as "webRateMilli",
            voucher_every_points as "voucherEveryPoints", voucher_amount as "voucherAmount"
       from loyalty_settings where company_id = $1`,
    [companyId],
  );
  return row ?? DEFAULT_SETTINGS;
}

export async function saveLoyaltySettings(
  q: Queryable,
  companyId: string,
  s: LoyaltySettingsRow,
): Promise<void> {
  await q.query(
    `insert into loyalty_settings (company_id, store_rate_milli, web_rate_milli, voucher_every_points, voucher_amount)
     values ($1, $2, $3, $4, $5)
     on conflict (company_id) do update set store_rate_milli = $2, web_rate_milli = $3,
       voucher_every_points = $4, voucher_amount = $5, version = loyalty_settings.version + 1`,
    [companyId, s.storeRateMilli, s.webRateMilli, s.voucherEveryPoints, s.voucherAmount],
  );
}

/** Locks the cursor, or null when another process holds it (it is doing the work). */
export async function lockLoyaltyCursor(q: Queryable): Promise<number | null> {
  const [row] = await q.query<{ lastEventId: string }>(
    'select last_event_id as "lastEventId" from loyalty_cursor where id = 1 for update skip locked',
  );
  return row ? Number(row.lastEventId) : null;
}

export async function moveLoyaltyCursor(q: Queryable, lastEventId: number): Promise<void> {
  await q.query('update loyalty_cursor set last_event_id = $1 where id = 1', [lastEventId]);
}

export interface NewLedgerRow {
  id: string;
  companyId: string;
  customerId: string;
  points: number;
  reason: 'earned' | 'returned' | 'voucher';
  sourceEventId: number | null;
  voucherId: string | null;
  at: Date;
}

/** Appends a ledger row; an event already booked is skipped (the unique source event id). */
export async function appendLedgerRow(q: Queryable, r: NewLedgerRow): Promise<void> {
  await q.query(
    `insert into loyalty_ledger (id, company_id, customer_id, points, reason, source_event_id, voucher_id, occurred_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (source_event_id) do nothing`,
    [r.id, r.companyId, r.customerId, r.points, r.reason, r.sourceEventId, r.voucherId, r.at],
  );
}

export async function findMemberCompany(q: Queryable, customerId: string): Promise<string | null> {
  const [row] = await q.query<{ companyId: string }>(
    'select company_id as "companyId" from customers where id = $1 and card_number is not null',
    [customerId],
  );
  return row?.companyId ?? null;
}

export async function pointsBalance(q: Queryable, customerId: string): Promise<number> {
  const [row] = await q.query<{ balance: string | null }>(
    'select sum(points) as balance from loyalty_ledger where customer_id = $1',
    [customerId],
  );
  return Number(row?.balance ?? 0);
}

export interface MemberRow {
  customerId: string;
  cardNumber: string;
  balance: number;
  earnedIn12Months: number;
}

/** A member's balance and the points earned (net of returns) since `since`; null if not a member. */
export async function findMember(q: Queryable, customerId: string, since: Date): Promise<MemberRow | null> {
  const [row] = await q.query<MemberRow>(
    `select c.id as "customerId", c.card_number as "cardNumber",
            coalesce((select sum(points) from loyalty_ledger where customer_id = c.id), 0)::integer as balance,
            coalesce((select sum(points) from loyalty_ledger where customer_id = c.id
                       and reason <> 'voucher' and occurred_at >= $2), 0)::integer as "earnedIn12Months"
       from customers c where c.id = $1 and c.card_number is not null`,
    [customerId, since],
  );
  return row ?? null;
}

export async function listLedger(q: Queryable, customerId: string, limit: number) {
  const rows = await q.query<{
    id: string;
    points: number;
    reason: 'earned' | 'returned' | 'voucher';
    voucherId: string | null;
    occurredAt: Date;
  }>(
    `select id, points, reason, voucher_id as "voucherId", occurred_at as "occurredAt" from loyalty_ledger
      where customer_id = $1 order by occurred_at desc, id desc limit $2`,
    [customerId, limit],
  );
  return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
}

/** Gives the customer `cardNumber` unless it has one; false when there is no such customer. */
export async function enrolMember(q: Queryable, customerId: string, cardNumber: string): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    'update customers set card_number = coalesce(card_number, $2) where id = $1 returning id',
    [customerId, cardNumber],
  );
  return rows.length > 0;
}

export interface MemberVoucherRow {
  code: string;
  amount: number;
  currency: string;
  validUntil: Date;
  isUsed: boolean;
}

/** The vouchers the member's points paid for, and those a web return gave back, newest first. */
export async function listMemberVouchers(q: Queryable, customerId: string): Promise<MemberVoucherRow[]> {
  return q.query<MemberVoucherRow>(
    `select v.code, v.amount, v.currency, v.valid_until as "validUntil",
            exists (select 1 from voucher_redemptions r where r.voucher_id = v.id) as "isUsed"
       from vouchers v
      where v.id in (select l.voucher_id from loyalty_ledger l where l.customer_id = $1
                     union select f.voucher_id from voucher_refunds f where f.customer_id = $1)
      order by v.created_at desc, v.id`,
    [customerId],
  );
}

export async function findReceiptCustomer(q: Queryable, receiptId: string): Promise<string | null> {
  const [row] = await q.query<{ customerId: string | null }>(
    'select customer_id as "customerId" from receipts where id = $1',
    [receiptId],
  );
  return row?.customerId ?? null;
}
