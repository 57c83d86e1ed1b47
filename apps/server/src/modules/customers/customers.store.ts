// SQL for customers and their contacts.
import type { Address, Customer, CustomerContact, CustomerKind } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface CustomerRow extends Omit<Customer, 'createdAt' | 'updatedAt' | 'erasedAt' | 'contacts'> {
  companyId: string;
  createdAt: Date;
  updatedAt: Date;
  erasedAt: Date | null;
}

const COLUMNS = `id, company_id as "companyId", name, email, org_number as "orgNumber",
  price_list_id as "priceListId", version, kind, personal_number as "personalNumber", phone,
  card_number as "cardNumber", payment_terms_days as "paymentTermsDays", credit_limit as "creditLimit",
  delivery_address as "deliveryAddress", invoice_address as "invoiceAddress", group_codes as "groups",
  merged_into as "mergedIntoId", erased_at as "erasedAt", created_at as "createdAt", updated_at as "updatedAt"`;

/** Everything about a customer that a create or an update writes. */
export interface CustomerState {
  name: string;
  email: string | null;
  orgNumber: string | null;
  priceListId: string | null;
  kind: CustomerKind;
  personalNumber: string | null;
  phone: string | null;
  cardNumber: string | null;
  paymentTermsDays: number | null;
  creditLimit: number | null;
  deliveryAddress: Address | null;
  invoiceAddress: Address | null;
  /** Group codes, sorted and unique. */
  groups: string[];
}

export function stateOf(row: CustomerRow): CustomerState {
  const { name, email, orgNumber, priceListId, kind, personalNumber, phone, cardNumber } = row;
  const { paymentTermsDays, creditLimit, deliveryAddress, invoiceAddress, groups } = row;
  return {
    ...{ name, email, orgNumber, priceListId, kind, personalNumber, phone, cardNumber },
    ...{ paymentTermsDays, creditLimit, deliveryAddress, invoiceAddress, groups },
  };
}

const STATE_VALUES = (c: CustomerState) => [
  c.name,
  c.email,
  c.orgNumber,
  c.priceListId,
  c.kind,
  c.personalNumber,
  c.phone,
  c.cardNumber,
  c.paymentTermsDays,
  c.creditLimit,
  c.deliveryAddress === null ? null : JSON.stringify(c.deliveryAddress),
  c.invoiceAddress === null ? null : JSON.stringify(c.invoiceAddress),
  c.groups,
];

/** The customers of `rows` with their contacts, as the API shows them. */
export async function toCustomers(q: Queryable, rows: readonly CustomerRow[]): Promise<Customer[]> {
  const contacts = await listContacts(
    q,
    rows.map((r) => r.id),
  );
  return rows.map(({ companyId: _companyId, ...row }) => ({
    ...row,
    contacts: contacts.get(row.id) ?? [],
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}

/** One customer as the API shows it. */
export async function toCustomer(q: Queryable, row: CustomerRow): Promise<Customer> {
  return (await toCustomers(q, [row]))[0]!;
}

async function listContacts(q: Queryable, ids: readonly string[]): Promise<Map<string, CustomerContact[]>> {
  const byCustomer = new Map<string, CustomerContact[]>();
  if (ids.length === 0) return byCustomer;
  const rows = await q.query<CustomerContact & { customerId: string }>(
    `select customer_id as "customerId", name, email, phone, role from customer_contacts
      where customer_id = any($1) order by customer_id, position`,
    [ids],
  );
  for (const { customerId, ...contact } of rows) {
    byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), contact]);
  }
  return byCustomer;
}

/** Replaces a customer's contacts with `contacts`, in that order. */
export async function replaceContacts(
  q: Queryable,
  customerId: string,
  contacts: readonly CustomerContact[],
): Promise<void> {
  await q.query('delete from customer_contacts where customer_id = $1', [customerId]);
  if (contacts.length === 0) return;
  await q.query(
    `insert into customer_contacts (customer_id, position, name, email, phone, role)
     select $1, c.ord, c.name, c.email, c.phone, c.role
       from rows from (jsonb_to_recordset($2::jsonb) as (name text, email text, phone text, role text))
         with ordinality as c(name, email, phone, role, ord)`,
    [customerId, JSON.stringify(contacts)],
  );
}

/** A company's active (not merged) customers by name, after (`name`, `id`), optionally searched. */
export async function listCustomerRows(
  q: Queryable,
  companyId: string,
  filter: { after?: { name: string; id: string }; text?: string },
  limit: number,
): Promise<CustomerRow[]> {
  return q.query<CustomerRow>(
    `select ${COLUMNS} from customers
      where company_id = $1 and merged_into is null
        and ($2::text is null or (name, id) > ($2::text, $3::text))
        and ($5::text is null or name ilike $5 or email ilike $5 or org_number ilike $5
             or personal_number ilike $5 or phone ilike $5 or card_number ilike $5)
      order by name, id limit $4`,
    [companyId, filter.after?.name ?? null, filter.after?.id ?? null, limit, likePattern(filter.text)],
  );
}

const likePattern = (text: string | undefined) =>
  text === undefined ? null : `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Up to `limit` active, not erased customers found by the register's search: the card number
 * exactly (a scan) first, then name or e-mail containing `text`, or phone, personal or
 * organisation number containing its digits (so "070-123" finds "0701234567").
 */
export async function searchCustomerRows(
  q: Queryable,
  companyId: string,
  text: string,
  limit: number,
): Promise<CustomerRow[]> {
  const digits = text.replace(/\D/g, '');
  return q.query<CustomerRow>(
    `select ${COLUMNS} from customers
      where company_id = $1 and merged_into is null and erased_at is null
        and (lower(card_number) = lower($4) or name ilike $2 or email ilike $2 or org_number ilike $2
             or ($5::text is not null and (
                  regexp_replace(coalesce(phone, ''), '\\D', '', 'g') like $5
               or regexp_replace(coalesce(personal_number, ''), '\\D', '', 'g') like $5
               or regexp_replace(coalesce(org_number, ''), '\\D', '', 'g') like $5)))
      order by (lower(card_number) = lower($4)) is true desc, name, id limit $3`,
    [companyId, likePattern(text), limit, text.trim(), digits.length >= 4 ? `%${digits}%` : null],
  );
}

export async function findCustomerRow(q: Queryable, id: string): Promise<CustomerRow | undefined> {
  return (await q.query<CustomerRow>(`select ${COLUMNS} from customers where id = $1`, [id]))[0];
}

/** The same, locked for update until commit. */
export async function lockCustomerRow(q: Queryable, id: string): Promise<CustomerRow | undefined> {
  return (await q.query<CustomerRow>(`select ${COLUMNS} from customers where id = $1 for update`, [id]))[0];
}

/** The active customer whose `key` equals `value` (e-mail case-insensitively), oldest first. */
export async function findActiveCustomerBy(
  q: Queryable,
  companyId: string,
  key: 'email' | 'orgNumber' | 'personalNumber',
  value: string,
): Promise<CustomerRow | undefined> {
  const where = {
    email: 'lower(email) = lower($2)',
    orgNumber: 'org_number = $2',
    personalNumber: 'personal_number = $2',
  }[key];
  const [row] = await q.query<CustomerRow>(
    `select ${COLUMNS} from customers
      where company_id = $1 and merged_into is null and erased_at is null and ${where}
      order by created_at, id limit 1`,
    [companyId, value],
  );
  return row;
}

/** The id of the customer holding `cardNumber`, if any. */
export async function findCardHolder(
  q: Queryable,
  companyId: string,
  cardNumber: string,
): Promise<string | undefined> {
  const [row] = await q.query<{ id: string }>(
    'select id from customers where company_id = $1 and card_number = $2',
    [companyId, cardNumber],
  );
  return row?.id;
}

export async function insertCustomerRow(
  q: Queryable,
  c: CustomerState & { id: string; companyId: string },
  at: Date,
): Promise<CustomerRow> {
  const [row] = await q.query<CustomerRow>(
    `insert into customers (id, company_id, name, email, org_number, price_list_id, kind, personal_number,
       phone, card_number, payment_terms_days, credit_limit, delivery_address, invoice_address,
       group_codes, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::text[], $16, $16)
     returning ${COLUMNS}`,
    [c.id, c.companyId, ...STATE_VALUES(c), at],
  );
  return row!;
}

/** Writes the full new state of a customer still at `version`; nothing when it is not. */
export async function updateCustomerRow(
  q: Queryable,
  id: string,
  c: CustomerState,
  version: number,
  at: Date,
): Promise<CustomerRow | undefined> {
  const [row] = await q.query<CustomerRow>(
    `update customers set name = $2, email = $3, org_number = $4, price_list_id = $5, kind = $6,
            personal_number = $7, phone = $8, card_number = $9, payment_terms_days = $10,
            credit_limit = $11, delivery_address = $12, invoice_address = $13, group_codes = $14::text[],
            version = version + 1, updated_at = $16
      where id = $1 and version = $15 returning ${COLUMNS}`,
    [id, ...STATE_VALUES(c), version, at],
  );
  return row;
}

export async function firstCompanyId(q: Queryable): Promise<string> {
  const [row] = await q.query<{ id: string }>('select id from companies order by created_at, id limit 1');
  if (!row) throw new Error('No company exists yet; run the seed first.');
  return row.id;
}
