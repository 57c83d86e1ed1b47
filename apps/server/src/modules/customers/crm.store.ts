// SQL for the CRM's settings and for the work that follows a person across modules: history,
// merge, export and erasure. These read and re-link rows of orders, receipts, shopper accounts and
// messages on purpose — a person's data must be found and changed everywhere in one transaction —
// but never touch amounts, VAT, receipt lines or the register journal.
import type { CustomerExport, CustomerHistoryEntry, CustomerMatchKey } from '@handla/api';
import type { Queryable } from '@handla/db';

export const DEFAULT_MATCH_ORDER: CustomerMatchKey[] = ['email', 'orgNumber', 'personalNumber'];

export async function findMatchOrder(q: Queryable, companyId: string): Promise<CustomerMatchKey[]> {
  const [row] = await q.query<{ matchOrder: CustomerMatchKey[] }>(
    'select match_order as "matchOrder" from crm_settings where company_id = $1',
    [companyId],
  );
  return row?.matchOrder ?? DEFAULT_MATCH_ORDER;
}

export async function saveMatchOrder(
  q: Queryable,
  companyId: string,
  matchOrder: readonly CustomerMatchKey[],
  at: Date,
): Promise<void> {
  await q.query(
    `insert into crm_settings (company_id, match_order, updated_at) values ($1, $2, $3)
     on conflict (company_id) do update set match_order = excluded.match_order, updated_at = excluded.updated_at`,
    [companyId, matchOrder, at],
  );
}

/** The latest `limit` web orders and store receipts of a customer, oldest first. */
export async function listHistory(
  q: Queryable,
  customerId: string,
  limit: number,
): Promise<CustomerHistoryEntry[]> {
  const rows = await q.query<Omit<CustomerHistoryEntry, 'at'> & { at: Date }>(
    `select * from (
       select 'order' as kind, o.id, o.number::text as number, o.channel, o.store_id as "storeId",
              s.name as "storeName", o.status, o.total_incl_vat as "totalInclVat", o.currency,
              o.created_at as at
         from orders o left join stores s on s.id = o.store_id
        where o.customer_id = $1
       union all
       select 'receipt', r.id, r.number::text, 'store', r.store_id, s.name, r.kind, r.total_incl_vat,
              r.currency, r.occurred_at
         from receipts r join stores s on s.id = r.store_id
        where r.customer_id = $1 and not r.is_training
     ) h order by at desc, id desc limit $2`,
    [customerId, limit],
  );
  return rows.reverse().map((r) => ({ ...r, at: r.at.toISOString() }));
}

/** The ids of customers merged into `customerId`. */
export async function listMergedIds(q: Queryable, customerId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>('select id from customers where merged_into = $1 order by id', [
    customerId,
  ]);
  return rows.map((r) => r.id);
}

/** Moves everything linked to `fromId` to `intoId`; returns how many rows of each moved. */
export async function relinkCustomer(q: Queryable, fromId: string, intoId: string) {
  const moved = async (sql: string) => (await q.query<{ id: string }>(sql, [fromId, intoId])).length;
  return {
    orders: await moved('update orders set customer_id = $2 where customer_id = $1 returning id'),
    receipts: await moved('update receipts set customer_id = $2 where customer_id = $1 returning id'),
    accounts: await moved(
      'update customer_accounts set customer_id = $2 where customer_id = $1 returning id',
    ),
    // A customer merged into the one now merged away points straight at the one kept.
    tombstones: await moved('update customers set merged_into = $2 where merged_into = $1 returning id'),
    contacts: await moved(
      `update customer_contacts set customer_id = $2,
              position = position + coalesce((select max(position) from customer_contacts where customer_id = $2), 0)
        where customer_id = $1 returning customer_id as id`,
    ),
  };
}

/** Marks `fromId` merged into `intoId`; its card number moves with the rest (unique per company). */
export async function markMerged(q: Queryable, fromId: string, intoId: string, at: Date): Promise<void> {
  await q.query(
    `update customers set merged_into = $2, merged_at = $3, card_number = null, version = version + 1,
            updated_at = $3 where id = $1`,
    [fromId, intoId, at],
  );
}

type ExportLists = Omit<CustomerExport, 'exportedAt' | 'customer' | 'mergedCustomerIds'>;

/** Everything about a person outside the customer row: accounts, orders, receipts, messages. */
export async function readPersonalData(
  q: Queryable,
  customer: { id: string; email: string | null; phone: string | null },
): Promise<ExportLists> {
  const iso = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
    rows.map((r) => ({ ...r, [key]: (r[key] as Date).toISOString() }));
  const accounts = await q.query<ExportLists['accounts'][number] & { createdAt: Date }>(
    `select id, email, name, phone, created_at as "createdAt" from customer_accounts
      where customer_id = $1 order by created_at, id`,
    [customer.id],
  );
  const orders = await q.query<ExportLists['orders'][number] & { createdAt: Date }>(
    `select o.id, o.number::text as number, o.channel, o.status, o.customer_name as "customerName",
            o.customer_email as "customerEmail", o.customer_phone as "customerPhone",
            o.delivery_address as "deliveryAddress", o.total_incl_vat as "totalInclVat", o.currency,
            o.created_at as "createdAt",
            coalesce((select jsonb_agg(jsonb_build_object('sku', l.sku, 'name', l.product_name_sv,
                        'quantity', l.quantity, 'totalInclVat', l.line_total_incl_vat) order by l.position)
                        from order_lines l where l.order_id = o.id), '[]'::jsonb) as lines
       from orders o where o.customer_id = $1 order by o.created_at, o.id`,
    [customer.id],
  );
  const receipts = await q.query<ExportLists['receipts'][number] & { occurredAt: Date }>(
    `select r.id, r.number, r.store_id as "storeId", r.kind, r.total_incl_vat as "totalInclVat",
            r.vat_amount as "vatAmount", r.currency, r.occurred_at as "occurredAt",
            coalesce((select jsonb_agg(jsonb_build_object('sku', l.sku_code, 'name', l.name,
                        'quantity', l.quantity, 'totalInclVat', l.total_incl_vat) order by l.line_no)
                        from receipt_lines l where l.receipt_id = r.id), '[]'::jsonb) as lines
       from receipts r where r.customer_id = $1 and not r.is_training order by r.occurred_at, r.id`,
    [customer.id],
  );
  const messages = await q.query<ExportLists['messages'][number] & { createdAt: Date }>(
    `select id, channel, "to", template, status, created_at as "createdAt" from outgoing_messages
      where ${MESSAGES_OF} order by created_at, id`,
    [customer.id, customer.email, customer.phone],
  );
  return {
    accounts: iso(accounts, 'createdAt'),
    orders: iso(orders, 'createdAt'),
    receipts: iso(receipts, 'occurredAt'),
    messages: iso(messages, 'createdAt'),
  };
}

// A person's messages: about their orders, or sent to their e-mail address or phone.
const MESSAGES_OF = `(order_id in (select id from orders where customer_id = $1)
   or ($2::text is not null and lower("to") = lower($2)) or ($3::text is not null and "to" = $3))`;

/** The name every erased person gets. */
export const ERASED_NAME = 'Raderad kund';
// Reserved by RFC 2606: never delivered, yet a valid address for every schema that wants one.
const erasedEmail = (id: string) => `raderad+${id}@raderad.invalid`;

/**
 * Anonymizes the person's orders (name, e-mail, phone, delivery address), shopper accounts (and
 * signs them out for good) and messages (recipient and rendered payload; unsent ones cancelled).
 * Amounts, lines and receipts are left as they are.
 */
export async function anonymizeRecords(
  q: Queryable,
  customer: { id: string; email: string | null; phone: string | null },
  at: Date,
) {
  // Messages first: they are found through the e-mail and phone the orders still carry.
  const messages = await q.query<{ id: string }>(
    `update outgoing_messages set "to" = 'raderad', payload = '{}'::jsonb,
            status = case when status = 'queued' then 'cancelled' else status end
      where ${MESSAGES_OF} returning id`,
    [customer.id, customer.email, customer.phone],
  );
  const orders = await q.query<{ id: string }>(
    `update orders set customer_name = $2, customer_email = $3, customer_phone = null,
            delivery_address = case when delivery_address is null then null else jsonb_build_object(
              'name', $2::text, 'street', '-', 'postalCode', '000', 'city', '-',
              'country', delivery_address->>'country') end,
            updated_at = $4
      where customer_id = $1 returning id`,
    [customer.id, ERASED_NAME, erasedEmail(customer.id), at],
  );
  await q.query(
    'delete from customer_sessions where account_id in (select id from customer_accounts where customer_id = $1)',
    [customer.id],
  );
  const accounts = await q.query<{ id: string }>(
    `update customer_accounts set name = $2, email = 'raderad+' || id || '@raderad.invalid', phone = null,
            password_hash = '!erased', updated_at = $3
      where customer_id = $1 returning id`,
    [customer.id, ERASED_NAME, at],
  );
  return { orders: orders.length, accounts: accounts.length, messages: messages.length };
}

/** Clears the customer row's personal data and marks it erased; price list and terms stay. */
export async function eraseCustomerRow(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('delete from customer_contacts where customer_id = $1', [id]);
  await q.query(
    `update customers set name = $2, email = null, phone = null, personal_number = null, org_number = null,
            card_number = null, delivery_address = null, invoice_address = null, erased_at = $3,
            version = version + 1, updated_at = $3
      where id = $1`,
    [id, ERASED_NAME, at],
  );
}

/** True when a shopper account is linked to the customer. */
export async function hasShopperAccount(q: Queryable, customerId: string): Promise<boolean> {
  const rows = await q.query('select 1 from customer_accounts where customer_id = $1 limit 1', [customerId]);
  return rows.length > 0;
}
