// SQL for stores.
import type { Store } from '@handla/api';
import type { Queryable } from '@handla/db';

/** All stores, by name. */
export async function listStoreRows(q: Queryable): Promise<Store[]> {
  return q.query<Store>(
    `select id, code, name, street, postal_code as "postalCode", city, country, phone,
            time_zone as "timeZone", opening_hours as "openingHours"
       from stores order by name, id`,
  );
}
