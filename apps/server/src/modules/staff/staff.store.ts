// SQL for the staff list.
import type { StaffUser } from '@handla/api';
import type { Queryable } from '@handla/db';

/** Active staff members, by name. */
export async function listActiveStaff(q: Queryable): Promise<StaffUser[]> {
  return q.query<StaffUser>(
    `select id, email, name, role, store_id as "storeId" from staff_users where is_active order by name, id`,
  );
}
