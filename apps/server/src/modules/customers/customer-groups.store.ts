// SQL of customer groups (migration 0038): a company's groups by code, each customer's codes in
// `customers.group_codes`.
import type { CustomerGroup } from '@handla/api';
import type { Queryable } from '@handla/db';

/** The company's groups by name, with how many active customers are in each. */
export async function listGroups(q: Queryable, companyId: string): Promise<CustomerGroup[]> {
  return q.query<CustomerGroup>(
    `select g.code, g.name,
            (select count(*) from customers c
              where c.company_id = g.company_id and g.code = any(c.group_codes)
                and c.merged_into is null and c.erased_at is null)::integer as customers
       from customer_groups g where g.company_id = $1 order by g.name, g.code`,
    [companyId],
  );
}

/** Inserts a group; false when the code is taken. */
export async function insertGroup(
  q: Queryable,
  companyId: string,
  group: { code: string; name: string },
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `insert into customer_groups (company_id, code, name, created_at, updated_at) values ($1, $2, $3, $4, $4)
     on conflict (company_id, code) do nothing returning code`,
    [companyId, group.code, group.name, at],
  );
  return rows.length === 1;
}

/** Renames a group; false when there is no such group. */
export async function renameGroup(
  q: Queryable,
  companyId: string,
  code: string,
  name: string,
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    'update customer_groups set name = $3, updated_at = $4 where company_id = $1 and code = $2 returning code',
    [companyId, code, name, at],
  );
  return rows.length === 1;
}

/** Of `codes`, those the company has no group for. */
export async function unknownGroupCodes(
  q: Queryable,
  companyId: string,
  codes: readonly string[],
): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = await q.query<{ code: string }>(
    'select code from customer_groups where company_id = $1 and code = any($2::text[])',
    [companyId, codes],
  );
  const known = new Set(rows.map((r) => r.code));
  return codes.filter((c) => !known.has(c));
}

/** The groups a customer is in for promotions: their kind (a built-in group) and their codes. */
export async function promotionGroupsOf(q: Queryable, customerId: string): Promise<string[]> {
  const [row] = await q.query<{ kind: string; groups: string[] }>(
    `select kind, group_codes as groups from customers
      where id = $1 and merged_into is null and erased_at is null`,
    [customerId],
  );
  return row ? [row.kind, ...row.groups] : [];
}
