// What other modules may read about customers (they never query its table themselves).
import type { Queryable } from '@handla/db';

/** A customer's B2B price list, which pricing applies to what they buy. */
export interface CustomerPricing {
  customerId: string;
  priceListId: string | null;
}

/** The pricing facts of a customer, or undefined when there is no such customer. */
export async function findCustomerPricing(
  q: Queryable,
  customerId: string,
): Promise<CustomerPricing | undefined> {
  const [row] = await q.query<CustomerPricing>(
    'select id as "customerId", price_list_id as "priceListId" from customers where id = $1',
    [customerId],
  );
  return row;
}
