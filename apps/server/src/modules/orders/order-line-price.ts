import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import * as orders from './orders.store';

/**
 * Our current price of a SKU for a line added to an order after checkout: the shopper's own price list
 * applies, as at checkout (the customer never changes on an order). Undefined when the SKU has no price.
 */
export async function currentPriceForOrderLine(ctx: AppContext, orderId: string, skuId: string) {
  const customerId = (await orders.findOrder(ctx.db, { id: orderId }))?.customerId;
  const [price] = await resolvePrices(ctx, {
    skuIds: [skuId],
    ...(customerId ? { customerId } : {}),
    at: ctx.clock(),
  }).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') return [];
    throw error;
  });
  return price;
}
