// SQL for staff users, their sessions and failed sign-ins.
import type { Role } from '@handla/api';
import type { Queryable } from '@handla/db';

/** A staff row as the auth module needs it. */
export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  storeId: string | null;
  passwordHash: string;
  isActive: boolean;
}

const STAFF_COLUMNS = `id, email, name, role, store_id as "storeId", password_hash as "passwordHash",
  is_active as "isActive"`;

export async function findStaffByEmail(q: Queryable, email: string): Promise<StaffRow | undefined> {
  const rows = await q.query<StaffRow>(
    `select ${STAFF_COLUMNS} from staff_users where lower(email) = lower($1)`,
    [email],
  );
  return rows[0];
}

export async function findStaffById(q: Queryable, id: string): Promise<StaffRow | undefined> {
  return (await q.query<StaffRow>(`select ${STAFF_COLUMNS} from staff_users where id = $1`, [id]))[0];
}

export async function insertSession(
  q: Queryable,
  s: { id: string; staffUserId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await q.query(
    `insert into staff_sessions (id, staff_user_id, created_at, expires_at, last_seen_at)
     values ($1, $2, $3, $4, $3)`,
    [s.id, s.staffUserId, s.createdAt, s.expiresAt],
  );
}

/** The live session with this id and its active user, or nothing. */
export async function findLiveSession(q: Queryable, id: string, now: Date) {
  const rows = await q.query<{ sessionId: string; userId: string; role: Role; storeId: string | null }>(
    `select s.id as "sessionId", u.id as "userId", u.role, u.store_id as "storeId"
       from staff_sessions s join staff_users u on u.id = s.staff_user_id
      where s.id = $1 and s.expires_at > $2 and u.is_active`,
    [id, now],
  );
  return rows[0];
}

export async function deleteSession(q: Queryable, id: string): Promise<void> {
  await q.query('delete from staff_sessions where id = $1', [id]);
}
