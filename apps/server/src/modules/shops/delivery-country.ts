// Where a shop delivers: the countries it lists, and for each of its shipping methods the ones that
// method goes to. Checked at checkout before anything is held (docs/shops.md, "Delivery abroad").
import type { CheckoutBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import type { ShopRow } from './shops.store';
import { listShippingMethodCountries } from './shops.store';

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `Check ${field}.`, [{ field, message }]);

/**
 * The shop's delivery countries a method goes to. A method with no countries set goes to the
 * shop's own country only: a domestic method (a Stockholm courier) is never offered abroad just
 * because the shop started delivering there.
 */
export function methodCountriesFor(
  shop: Pick<ShopRow, 'country' | 'deliveryCountries'>,
  methodCountries: readonly string[],
): string[] {
  const goesTo = methodCountries.length > 0 ? methodCountries : [shop.country];
  return shop.deliveryCountries.filter((c) => goesTo.includes(c));
}

/**
 * 400 naming `fulfilment.address.country` for a country the shop does not deliver to, or
 * `fulfilment.shippingMethodId` for a method that does not go there. Pickups pass.
 */
export async function assertShopDelivers(
  ctx: AppContext,
  shop: ShopRow,
  body: Pick<CheckoutBody, 'fulfilment'>,
): Promise<void> {
  const f = body.fulfilment;
  if (f.kind !== 'delivery') return;
  const country = f.address.country;
  if (!shop.deliveryCountries.includes(country)) {
    throw invalid(
      'fulfilment.address.country',
      `${shop.name} delivers to ${shop.deliveryCountries.join(', ')}`,
    );
  }
  const methodCountries = (await listShippingMethodCountries(ctx.db)).get(f.shippingMethodId) ?? [];
  if (!methodCountriesFor(shop, methodCountries).includes(country)) {
    throw invalid('fulfilment.shippingMethodId', `This way of shipping does not go to ${country}`);
  }
}
