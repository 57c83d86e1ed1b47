// SQL for shopper accounts, their sessions and failed sign-ins.
import type { Queryable } from '@handla/db';

export interface AccountRow {
  id: string;
  companyId: string;
  customerId: string;
  email: string;
  passwordHash: string;
  name: string;
  phone: string | null;
}

const COLUMNS = `a.id, a.company_id as "companyId", a.customer_id as "customerId", a.email,
  a.password_hash as "passwordHash", a.name, a.phone`;

/** Inserts the account unless the e-mail (any letter case) is taken; true when inserted. */
export async function insertAccount(q: Queryable, a: AccountRow, now: Date): Promise<boolean> {
  const rows = await q.query(
    `insert into customer_accounts (id, company_id, customer_id, email, password_hash, name, phone, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $8) on conflict do nothing returning id`,
    [a.id, a.companyId, a.customerId, a.email, a.passwordHash, a.name, a.phone, now],
  );
  return rows.length > 0;
}

export async function findAccountByEmail(q: Queryable, email: string): Promise<AccountRow | undefined> {
  const [row] = await q.query<AccountRow>(
    `select ${COLUMNS} from customer_accounts a where lower(a.email) = lower($1)`,
    [email],
  );
  return row;
}

export async function insertSession(
  q: Queryable,
  s: { id: string; accountId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    'insert into customer_sessions (id, account_id, created_at, expires_at) values ($1, $2, $3, $4)',
    [s.id, s.accountId, s.createdAt, s.expiresAt],
  );
}

/** The account of a live session, or undefined. */
export async function findAccountBySession(q: Queryable, sessionId: string, now: Date) {
  const [row] = await q.query<AccountRow>(
    `select ${COLUMNS} from customer_sessions s join customer_accounts a on a.id = s.account_id
      where s.id = $1 and s.expires_at > $2`,
    [sessionId, now],
  );
  return row;
}

export async function deleteSession(q: Queryable, sessionId: string): Promise<void> {
  await q.query('delete from customer_sessions where id = $1', [sessionId]);
}
