// What other modules may read from pricing (they never query its tables themselves).
import type { Queryable } from '@handla/db';

/** The facts about a price list that other modules check before pointing at it. */
export interface PriceListFacts {
  id: string;
  kind: 'retail' | 'b2b';
  currency: string;
}

/** The price list with this id, or undefined when there is none. */
export async function findPriceListFacts(q: Queryable, id: string): Promise<PriceListFacts | undefined> {
  const [row] = await q.query<PriceListFacts>('select id, kind, currency from price_lists where id = $1', [
    id,
  ]);
  return row;
}
