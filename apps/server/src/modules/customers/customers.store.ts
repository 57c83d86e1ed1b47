// SQL for customers.
import type { Customer } from '@handla/api';
import type { Queryable } from '@handla/db';

interface CustomerRow extends Omit<Customer, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, name, email, org_number as "orgNumber", price_list_id as "priceListId", version,
  created_at as "createdAt", updated_at as "updatedAt"`;

export const toCustomer = (row: CustomerRow): Customer => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A company's customers by name, after (`name`, `id`). */
export async function listCustomerRows(
  q: Queryable,
  companyId: string,
  after: { name: string; id: string } | undefined,
  limit: number,
): Promise<CustomerRow[]> {
  return q.query<CustomerRow>(
    `select ${COLUMNS} from customers
      where company_id = $1 and ($2::text is null or (name, id) > ($2::text, $3::text))
      order by name, id limit $4`,
    [companyId, after?.name ?? null, after?.id ?? null, limit],
  );
}

/** Up to `limit` customers whose name, e-mail or organisation number contains `text`. */
export async function searchCustomerRows(
  q: Queryable,
  companyId: string,
  text: string,
  limit: number,
): Promise<CustomerRow[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return q.query<CustomerRow>(
    `select ${COLUMNS} from customers
      where company_id = $1 and (name ilike $2 or email ilike $2 or org_number ilike $2)
      order by name, id limit $3`,
    [companyId, pattern, limit],
  );
}

export async function findCustomerRow(q: Queryable, id: string): Promise<CustomerRow | undefined> {
  return (await q.query<CustomerRow>(`select ${COLUMNS} from customers where id = $1`, [id]))[0];
}

export async function insertCustomerRow(
  q: Queryable,
  c: {
    id: string;
    companyId: string;
    name: string;
    email: string | null;
    orgNumber: string | null;
    priceListId: string | null;
  },
  at: Date,
): Promise<CustomerRow> {
  const [row] = await q.query<CustomerRow>(
    `insert into customers (id, company_id, name, email, org_number, price_list_id, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7) returning ${COLUMNS}`,
    [c.id, c.companyId, c.name, c.email, c.orgNumber, c.priceListId, at],
  );
  return row!;
}

/** Writes the full new state of a customer still at `version`; nothing when it is not. */
export async function updateCustomerRow(
  q: Queryable,
  id: string,
  c: { name: string; email: string | null; orgNumber: string | null; priceListId: string | null },
  version: number,
  at: Date,
): Promise<CustomerRow | undefined> {
  const [row] = await q.query<CustomerRow>(
    `update customers set name = $2, email = $3, org_number = $4, price_list_id = $5,
            version = version + 1, updated_at = $7
      where id = $1 and version = $6 returning ${COLUMNS}`,
    [id, c.name, c.email, c.orgNumber, c.priceListId, version, at],
  );
  return row;
}

export async function firstCompanyId(q: Queryable): Promise<string> {
  const [row] = await q.query<{ id: string }>('select id from companies order by created_at, id limit 1');
  if (!row) throw new Error('No company exists yet; run the seed first.');
  return row.id;
}
