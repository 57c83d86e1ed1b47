// The shops area of the typed client: the shop this host opens (storefront) and shop management
// (back office). Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type { PricedBasketDto } from './promotions';
import type {
  CreateShopBody,
  PublicShop,
  Shop,
  ShopPrices,
  ShopShippingMethod,
  UpdateShopBody,
} from './shops';

export function createShopsClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/shop: the shop of this host name (the default shop for any other). */
    current: () => request<PublicShop>('GET', '/api/shop'),
    /** GET /api/shop/prices: a page of this shop's prices; pass `nextCursor` back as `cursor`. */
    prices: (q: { limit?: number; cursor?: string } = {}) =>
      request<ShopPrices>('GET', `/api/shop/prices${queryString({ ...q })}`),
    /** POST /api/shop/cart/price: the cart in this shop's prices and currency, with its promotions. */
    priceCart: (body: {
      lines: { lineId?: string; skuId: string; quantity: number }[];
      coupon?: string | null;
      isMember?: boolean;
    }) => request<PricedBasketDto>('POST', '/api/shop/cart/price', body),
    /** GET /api/shops: every shop, the default first. */
    list: () => request<{ items: Shop[] }>('GET', '/api/shops'),
    /** GET /api/shops/shipping-methods: every active method with its countries, to offer in a shop. */
    shippingMethods: () => request<{ items: ShopShippingMethod[] }>('GET', '/api/shops/shipping-methods'),
    /** PUT /api/shops/shipping-methods/:id/countries: where the method goes ([] = each shop's own country). */
    setShippingMethodCountries: (id: string, countries: string[]) =>
      request<ShopShippingMethod>('PUT', `/api/shops/shipping-methods/${enc(id)}/countries`, { countries }),
    get: (id: string) => request<Shop>('GET', `/api/shops/${enc(id)}`),
    /** POST /api/shops: 409 naming `hostNames[i]` when another shop has that host name. */
    create: (
      body: Omit<CreateShopBody, 'termsText' | 'termsUrl' | 'isOssRegistered' | 'publicUrl'> &
        Partial<CreateShopBody>,
    ) => request<Shop>('POST', '/api/shops', body),
    /** PATCH /api/shops/:id: 409 `version_conflict` when someone saved first. */
    update: (id: string, body: UpdateShopBody) => request<Shop>('PATCH', `/api/shops/${enc(id)}`, body),
  };
}
