// SQL for `erp_connections`: one per company; the fan-out's cursor and the daily sales' progress.
import type { ErpFlow } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface ConnectionRow {
  companyId: string;
  baseUrl: string;
  secret: string;
  isEnabled: boolean;
  flows: ErpFlow[];
  dailySalesAt: string;
  lastEventId: number;
  dailySalesThrough: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const SELECT = `select company_id as "companyId", base_url as "baseUrl", secret, is_enabled as "isEnabled",
    array_remove(array[case when sends_orders then 'orders' end, case when sends_customers then 'customers' end,
                       case when sends_daily_sales then 'daily_sales' end], null) as flows,
    daily_sales_at as "dailySalesAt", last_event_id::bigint as "lastEventId",
    to_char(daily_sales_through, 'YYYY-MM-DD') as "dailySalesThrough",
    created_at as "createdAt", updated_at as "updatedAt"
  from erp_connections`;

const toRow = (row: ConnectionRow): ConnectionRow => ({ ...row, lastEventId: Number(row.lastEventId) });

export async function findConnection(q: Queryable, companyId: string): Promise<ConnectionRow | undefined> {
  const [row] = await q.query<ConnectionRow>(`${SELECT} where company_id = $1`, [companyId]);
  return row && toRow(row);
}

/** Enabled connections no other process holds, locked until the caller's transaction ends. */
export async function lockEnabledConnections(q: Queryable): Promise<ConnectionRow[]> {
  const rows = await q.query<ConnectionRow>(
    `${SELECT} where is_enabled order by company_id for update skip locked`,
  );
  return rows.map(toRow);
}

export interface NewConnection {
  companyId: string;
  baseUrl: string;
  secret: string;
  isEnabled: boolean;
  flows: readonly ErpFlow[];
  dailySalesAt: string;
}

/** Creates the company's connection; it hears outbox events from now on. False when one exists. */
export async function insertConnection(q: Queryable, c: NewConnection, now: Date): Promise<boolean> {
  const rows = await q.query(
    `insert into erp_connections
       (company_id, base_url, secret, is_enabled, sends_orders, sends_customers, sends_daily_sales,
        daily_sales_at, last_event_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, (select coalesce(max(id), 0) from outbox_events), $9, $9)
     on conflict (company_id) do nothing returning company_id`,
    [
      c.companyId,
      c.baseUrl,
      c.secret,
      c.isEnabled,
      c.flows.includes('orders'),
      c.flows.includes('customers'),
      c.flows.includes('daily_sales'),
      c.dailySalesAt,
      now,
    ],
  );
  return rows.length > 0;
}

export interface ConnectionChange {
  baseUrl?: string;
  secret?: string;
  isEnabled?: boolean;
  flows?: readonly ErpFlow[];
  dailySalesAt?: string;
}

export async function updateConnection(
  q: Queryable,
  companyId: string,
  change: ConnectionChange,
  now: Date,
): Promise<void> {
  const has = (flow: ErpFlow) => (change.flows ? change.flows.includes(flow) : null);
  await q.query(
    `update erp_connections
        set base_url = coalesce($2, base_url), secret = coalesce($3, secret),
            is_enabled = coalesce($4, is_enabled), sends_orders = coalesce($5, sends_orders),
            sends_customers = coalesce($6, sends_customers), sends_daily_sales = coalesce($7, sends_daily_sales),
            daily_sales_at = coalesce($8, daily_sales_at), updated_at = $9
      where company_id = $1`,
    [
      companyId,
      change.baseUrl ?? null,
      change.secret ?? null,
      change.isEnabled ?? null,
      has('orders'),
      has('customers'),
      has('daily_sales'),
      change.dailySalesAt ?? null,
      now,
    ],
  );
}

export async function moveCursor(q: Queryable, companyId: string, lastEventId: number): Promise<void> {
  await q.query('update erp_connections set last_event_id = $2 where company_id = $1', [
    companyId,
    lastEventId,
  ]);
}

export async function markDailySalesThrough(q: Queryable, companyId: string, day: string): Promise<void> {
  await q.query('update erp_connections set daily_sales_through = $2::date where company_id = $1', [
    companyId,
    day,
  ]);
}

/** The company of a staff member (one connection per company). */
export async function findStaffCompanyId(q: Queryable, staffUserId: string): Promise<string | undefined> {
  const [row] = await q.query<{ companyId: string }>(
    'select company_id as "companyId" from staff_users where id = $1',
    [staffUserId],
  );
  return row?.companyId;
}

/** Every connection (one per company): the inbound endpoint finds the one whose secret signed. */
export async function listConnections(q: Queryable): Promise<ConnectionRow[]> {
  const rows = await q.query<ConnectionRow>(`${SELECT} order by company_id`);
  return rows.map(toRow);
}

/** Our invoice with that number in the company, for the ERP's `invoice.paid`. */
export async function findInvoiceIdByNumber(
  q: Queryable,
  companyId: string,
  invoiceNumber: number,
): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>(
    'select id from invoices where company_id = $1 and number = $2',
    [companyId, invoiceNumber],
  );
  return row?.id;
}

/** The company an API key belongs to. */
export async function findApiKeyCompanyId(q: Queryable, keyId: string): Promise<string | undefined> {
  const [row] = await q.query<{ companyId: string }>(
    'select company_id as "companyId" from api_keys where id = $1',
    [keyId],
  );
  return row?.companyId;
}

/** The company's currency and time zone, for the daily sales. */
export async function findCompanySettings(
  q: Queryable,
  companyId: string,
): Promise<{ currency: string; timeZone: string }> {
  const [row] = await q.query<{ currency: string; timeZone: string }>(
    'select currency, time_zone as "timeZone" from companies where id = $1',
    [companyId],
  );
  return row!;
}

/** The company's enabled connection, locked until the caller's transaction ends. */
export async function lockConnection(q: Queryable, companyId: string): Promise<ConnectionRow | undefined> {
  const [row] = await q.query<ConnectionRow>(`${SELECT} where company_id = $1 and is_enabled for update`, [
    companyId,
  ]);
  return row && toRow(row);
}

/** Enabled connections, unlocked (a read before the work that locks one). */
export async function listEnabledConnections(q: Queryable): Promise<ConnectionRow[]> {
  return (await q.query<ConnectionRow>(`${SELECT} where is_enabled order by company_id`)).map(toRow);
}
