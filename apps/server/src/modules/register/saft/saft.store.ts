// Reads for the SAF-T export: the company, the stores the registers stand in, the cashiers named in
// the journal (with their register staff numbers) and a register's journal in sequence order.
import type { Queryable } from '@handla/db';
import { type JournalRow, listJournalEntries } from '../journal.store';

export interface SaftCompany {
  id: string;
  name: string;
  orgNumber: string;
  vatNumber: string;
  country: string;
  currency: string;
  timeZone: string;
}

export interface SaftStore {
  id: string;
  code: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface SaftEmployee {
  id: string;
  name: string;
  role: string;
  staffNumber: string | null;
  createdAt: Date;
}

export async function findSaftCompany(q: Queryable, companyId: string): Promise<SaftCompany> {
  const [row] = await q.query<SaftCompany>(
    `select id, name, org_number as "orgNumber", vat_number as "vatNumber", country, currency,
            time_zone as "timeZone" from companies where id = $1`,
    [companyId],
  );
  return row!;
}

export async function findSaftStores(q: Queryable, storeIds: readonly string[]): Promise<SaftStore[]> {
  return q.query<SaftStore>(
    `select id, code, name, street, postal_code as "postalCode", city, country
       from stores where id = any($1) order by code`,
    [storeIds],
  );
}

export async function findSaftEmployees(q: Queryable, staffIds: readonly string[]): Promise<SaftEmployee[]> {
  return q.query<SaftEmployee>(
    `select u.id, u.name, u.role, c.staff_number as "staffNumber", u.created_at as "createdAt"
       from staff_users u left join register_cashiers c on c.staff_user_id = u.id
      where u.id = any($1) order by c.staff_number, u.name`,
    [staffIds],
  );
}

/** The registers of a company, for an export of all of them. */
export async function listCompanyRegisterIds(q: Queryable, companyId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select r.id from registers r join stores s on s.id = r.store_id where s.company_id = $1
      order by s.code, r.code`,
    [companyId],
  );
  return rows.map((r) => r.id);
}

/**
 * The register's journal from its first entry, page by page, until `isPastEnd` says an entry is
 * after the period: the signature chain starts at the first receipt ever, so earlier entries count too.
 */
export async function readJournalUntil(
  q: Queryable,
  registerId: string,
  isPastEnd: (row: JournalRow) => boolean,
): Promise<JournalRow[]> {
  const PAGE = 1000;
  const rows: JournalRow[] = [];
  for (let after = 0; ; ) {
    const page = await listJournalEntries(q, registerId, after, PAGE);
    for (const row of page) {
      if (isPastEnd(row)) return rows;
      rows.push(row);
    }
    if (page.length < PAGE) return rows;
    after = page.at(-1)!.sequence;
  }
}

/** The company a staff member works for. */
export async function findStaffCompanyId(q: Queryable, staffUserId: string): Promise<string> {
  const [row] = await q.query<{ companyId: string }>(
    `select company_id as "companyId" from staff_users where id = $1`,
    [staffUserId],
  );
  return row!.companyId;
}
