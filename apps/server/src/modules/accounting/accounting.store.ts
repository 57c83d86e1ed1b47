// SQL for accounting: the company's account overrides and imported account names, the export log,
// and the day's figures read from register receipts (0010) and web payment captures/refunds (0007).
import type { Queryable } from '@handla/db';

export interface AccountingCompany {
  id: string;
  name: string;
  orgNumber: string;
  timeZone: string;
  /** The books' currency (SEK for a Swedish company). */
  currency: string;
}

export async function findStaffCompany(q: Queryable, staffUserId: string): Promise<AccountingCompany> {
  const [row] = await q.query<AccountingCompany>(
    `select c.id, c.name, c.org_number as "orgNumber", c.time_zone as "timeZone", c.currency
       from staff_users u join companies c on c.id = u.company_id where u.id = $1`,
    [staffUserId],
  );
  return row!;
}

export async function listAccountOverrides(q: Queryable, companyId: string) {
  return q.query<{ key: string; account: string }>(
    'select key, account from accounting_account_map where company_id = $1',
    [companyId],
  );
}

export async function upsertAccountOverride(
  q: Queryable,
  row: { companyId: string; key: string; account: string; updatedBy: string | null; at: Date },
): Promise<void> {
  await q.query(
    `insert into accounting_account_map (company_id, key, account, updated_by, updated_at)
     values ($1, $2, $3, $4, $5)
     on conflict (company_id, key) do update set account = $3, updated_by = $4, updated_at = $5`,
    [row.companyId, row.key, row.account, row.updatedBy, row.at],
  );
}

export async function deleteAccountOverride(q: Queryable, companyId: string, key: string): Promise<void> {
  await q.query('delete from accounting_account_map where company_id = $1 and key = $2', [companyId, key]);
}

export async function listAccountNames(q: Queryable, companyId: string): Promise<Map<string, string>> {
  const rows = await q.query<{ account: string; name: string }>(
    'select account, name from accounting_account_names where company_id = $1',
    [companyId],
  );
  return new Map(rows.map((r) => [r.account, r.name]));
}

/** Replaces the company's chart of accounts with the imported one. */
export async function replaceAccountNames(
  q: Queryable,
  companyId: string,
  names: ReadonlyMap<string, string>,
  at: Date,
): Promise<void> {
  await q.query('delete from accounting_account_names where company_id = $1', [companyId]);
  await q.query(
    `insert into accounting_account_names (company_id, account, name, imported_at)
     select $1, a, n, $4 from unnest($2::text[], $3::text[]) as t(a, n)`,
    [companyId, [...names.keys()], [...names.values()], at],
  );
}

export async function insertExportLog(
  q: Queryable,
  row: {
    id: string;
    companyId: string;
    from: string;
    to: string;
    voucherCount: number;
    checksum: number;
    createdBy: string | null;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `insert into accounting_exports (id, company_id, from_date, to_date, voucher_count, checksum, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.id, row.companyId, row.from, row.to, row.voucherCount, row.checksum, row.createdBy, row.at],
  );
}

/** One store's local day at the registers; training receipts are left out. */
export interface RegisterDayRow {
  storeId: string;
  storeName: string;
  day: string;
}

// The local day of a receipt is taken in its store's time zone, as the Z report is.
const RECEIPT_DAY = `to_char(r.occurred_at at time zone s.time_zone, 'YYYY-MM-DD')`;
const RECEIPTS_IN_PERIOD = `from receipts r join stores s on s.id = r.store_id
  where s.company_id = $1 and not r.is_training
    and (r.occurred_at at time zone s.time_zone)::date between $2::date and $3::date`;

/** Sales per VAT rate as the receipts printed them (goods only: gift cards carry no VAT). */
export async function sumRegisterVat(q: Queryable, companyId: string, from: string, to: string) {
  return q.query<RegisterDayRow & { vatRateBp: number; grossAmount: number; vatAmount: number }>(
    `select r.store_id as "storeId", s.name as "storeName", ${RECEIPT_DAY} as day,
            (v->>'vatRateBp')::integer as "vatRateBp",
            sum((v->>'grossAmount')::bigint)::bigint as "grossAmount",
            sum((v->>'vatAmount')::bigint)::bigint as "vatAmount"
       ${RECEIPTS_IN_PERIOD.replace('where', "cross join lateral jsonb_array_elements(r.computed->'vat'->'byRate') v where")}
      group by 1, 2, 3, 4`,
    [companyId, from, to],
  );
}

export async function sumRegisterPayments(q: Queryable, companyId: string, from: string, to: string) {
  return q.query<RegisterDayRow & { method: string; amount: number }>(
    `select r.store_id as "storeId", s.name as "storeName", ${RECEIPT_DAY} as day, p.method,
            sum(p.amount)::bigint as amount
       ${RECEIPTS_IN_PERIOD.replace('where', 'join receipt_payments p on p.receipt_id = r.id where')}
      group by 1, 2, 3, 4`,
    [companyId, from, to],
  );
}

/** Cash rounding and gift cards sold (lines carrying `giftCard` in the computed receipt). */
export async function sumRegisterRoundingAndGiftCards(
  q: Queryable,
  companyId: string,
  from: string,
  to: string,
) {
  return q.query<RegisterDayRow & { rounding: number; giftCardsSold: number }>(
    `select r.store_id as "storeId", s.name as "storeName", ${RECEIPT_DAY} as day,
            sum(r.rounding)::bigint as rounding,
            coalesce(sum((select sum((l->>'amountInclVat')::bigint) from jsonb_array_elements(r.computed->'lines') l
                           where l ? 'giftCard')), 0)::bigint as "giftCardsSold"
       ${RECEIPTS_IN_PERIOD}
      group by 1, 2, 3`,
    [companyId, from, to],
  );
}

/** A web payment's succeeded capture (positive) or refund (negative) on a local day, in its currency. */
export interface WebMoneyRow {
  orderId: string;
  method: string;
  currency: string;
  day: string;
  amount: number;
}

// "Pay in store" is settled on a register receipt and booked from there, never here. A web order paid
// by invoice is booked as it is shipped or handed over, on receivables (the `invoice` account). Every
// other method is read, so one the books do not know is refused rather than left out.
export async function listWebCapturesAndRefunds(q: Queryable, companyId: string, from: string, to: string) {
  return q.query<WebMoneyRow>(
    `select o.id as "orderId", p.method, p.currency, d.day,
            (case when op.kind = 'refund' then -op.amount else op.amount end)::bigint as amount
       from payment_operations op
       join payments p on p.id = op.payment_id
       join orders o on o.id = p.order_id
       join companies c on c.id = o.company_id
       cross join lateral (select to_char(coalesce(op.finished_at, op.started_at) at time zone c.time_zone,
                                          'YYYY-MM-DD') as day) d
      where o.company_id = $1 and op.outcome = 'succeeded' and op.kind in ('capture', 'refund')
        and p.method <> 'in_store' and d.day between $2 and $3
      order by d.day, op.started_at, op.id`,
    [companyId, from, to],
  );
}

/**
 * The orders' gross per VAT rate (lines and shipping), to split a capture over the rates, with the
 * delivery country when the order's shop reports through OSS and it is not the seller's own
 * (the caller checks both are EU members).
 */
export async function listOrderGrossByRate(q: Queryable, orderIds: readonly string[]) {
  return q.query<{
    orderId: string;
    vatRateBp: number;
    grossAmount: number;
    ossCandidate: string | null;
    sellerCountry: string;
  }>(
    `with o as (
       -- OSS as decided at checkout (orders.oss_country), not by the shop's setting today.
       select o.id, c.country as seller, o.oss_country as oss
         from orders o join companies c on c.id = o.company_id
        where o.id = any($1))
     select l.order_id as "orderId", l.vat_rate_bp as "vatRateBp", sum(l.line_total_incl_vat)::bigint as "grossAmount",
            o.oss as "ossCandidate", o.seller as "sellerCountry"
       from order_lines l join o on o.id = l.order_id group by 1, 2, 4, 5
     union all
     select o2.id, o2.shipping_vat_rate_bp, o2.shipping_price_incl_vat::bigint, o.oss, o.seller
       from orders o2 join o on o.id = o2.id where o2.shipping_price_incl_vat > 0`,
    [orderIds],
  );
}
