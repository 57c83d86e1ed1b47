// The checks of a shop before it is written, each naming the field: host names (format, unique),
// currency (ISO 4217), the price list (exists, same currency) and the shipping methods.
import { DomainError, isEuCountry } from '@handla/core';
import type { Queryable } from '@handla/db';
import { findShippingMethod } from '../orders/orders.store';
import { findPriceListFacts } from '../pricing/pricing.lookups';
import type { ShopWrite } from './shops.store';
import { findTakenHostNames } from './shops.store';

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `Check ${field}.`, [{ field, message }]);

// RFC 1123 labels: letters, digits and inner hyphens, at most 63 each, 253 in all.
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
// Names a region only for codes the CLDR knows (ISO 3166-1 alpha-2 and a few more), else undefined.
const REGIONS = new Intl.DisplayNames('en', { type: 'region', fallback: 'none' });

/** A shop's address for links without a trailing slash (links append `/#/…`); null stays null. */
export function normalizePublicUrl(url: string | null): string | null {
  return url === null ? null : url.trim().replace(/\/+$/, '');
}

/** A host name as requests carry it: lower case, without a port or a trailing dot. */
export function normalizeHostName(raw: string): string {
  return raw.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

export function isHostName(name: string): boolean {
  return name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}

/** Normalized host names; 400 naming `hostNames[i]` for a malformed or repeated one. */
export function checkHostNames(raw: readonly string[]): string[] {
  const names = raw.map(normalizeHostName);
  names.forEach((name, i) => {
    if (!isHostName(name)) throw invalid(`hostNames[${i}]`, 'Not a host name, e.g. shop.example.se');
    if (names.indexOf(name) !== i) throw invalid(`hostNames[${i}]`, 'Listed twice');
  });
  return names;
}

/** 409 `duplicate` naming `hostNames[i]` when another shop has that host name. */
export async function assertHostNamesFree(q: Queryable, names: readonly string[], shopId: string | null) {
  const taken = new Set(await findTakenHostNames(q, names, shopId));
  const i = names.findIndex((n) => taken.has(n));
  if (i >= 0) {
    throw new DomainError('duplicate', `Another shop has the host name ${names[i]}.`, [
      { field: `hostNames[${i}]`, message: 'Another shop has this host name' },
    ]);
  }
}

/** Checks everything of a shop but its host names; changes nothing. */
export async function checkShopFields(q: Queryable, shop: ShopWrite): Promise<void> {
  if (!CURRENCIES.has(shop.currency)) throw invalid('currency', 'Not an ISO 4217 currency');
  const list = await findPriceListFacts(q, shop.priceListId);
  if (!list) throw invalid('priceListId', 'Unknown price list');
  if (list.currency !== shop.currency) {
    throw invalid('priceListId', `The list is in ${list.currency}; the shop sells in ${shop.currency}`);
  }
  for (const [i, id] of shop.shippingMethodIds.entries()) {
    const field = `shippingMethodIds[${i}]`;
    if (shop.shippingMethodIds.indexOf(id) !== i) throw invalid(field, 'Listed twice');
    const method = await findShippingMethod(q, id);
    if (!method?.isActive) throw invalid(field, 'Unknown shipping method');
    if (method.currency !== shop.currency) {
      throw invalid(field, `Priced in ${method.currency}; the shop sells in ${shop.currency}`);
    }
  }
  for (const [i, method] of shop.paymentMethods.entries()) {
    if (shop.paymentMethods.indexOf(method) !== i) throw invalid(`paymentMethods[${i}]`, 'Listed twice');
  }
  if (shop.termsUrl !== null && !/^https?:\/\//.test(shop.termsUrl)) {
    throw invalid('termsUrl', 'An http(s) address');
  }
  checkDeliveryCountries(shop);
  if (shop.publicUrl !== null && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(shop.publicUrl)) {
    throw invalid('publicUrl', 'An http(s) address without query or fragment, e.g. https://shop.example.fi');
  }
}

/**
 * Countries a shop delivers to: real ones, each once, and in the EU unless it is the shop's own.
 * A delivery from the EU to elsewhere is an export (zero-rated when the goods leave the EU, with
 * import VAT and customs on arrival) that the checkout does not price; see docs/shops.md.
 */
function checkDeliveryCountries(shop: ShopWrite): void {
  if (shop.deliveryCountries.length === 0) throw invalid('deliveryCountries', 'At least one country');
  for (const [i, code] of shop.deliveryCountries.entries()) {
    const field = `deliveryCountries[${i}]`;
    if (!/^[A-Z]{2}$/.test(code) || REGIONS.of(code) === undefined) {
      throw invalid(field, 'Not an ISO 3166-1 country code');
    }
    if (shop.deliveryCountries.indexOf(code) !== i) throw invalid(field, 'Listed twice');
    if (code !== shop.country && !(isEuCountry(code) && isEuCountry(shop.country))) {
      throw invalid(field, 'Deliveries outside the EU (exports) are not supported');
    }
  }
}
