// The loyalty area of the typed client: the signed-in shopper's card, and settings and members for
// managers. Types only from the contract file, so browser bundles stay free of zod.
import type { Transport } from './client';
import type { LoyaltyMember, LoyaltySettings, ShopperLoyalty } from './loyalty';

export function createLoyaltyClient({ request, url }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/loyalty/me: the shopper's membership (null until they join) and vouchers. */
    me: () => request<ShopperLoyalty>('GET', '/api/loyalty/me'),
    /** POST /api/loyalty/me/join: the shopper joins (201), or already was a member (200). */
    join: () => request<ShopperLoyalty>('POST', '/api/loyalty/me/join'),
    /** The shopper's card number as a Code 128 barcode (SVG), for an <img>. */
    cardSvgUrl: () => url('/api/loyalty/me/card.svg'),
    settings: () => request<LoyaltySettings>('GET', '/api/loyalty/settings'),
    saveSettings: (body: LoyaltySettings) => request<LoyaltySettings>('PUT', '/api/loyalty/settings', body),
    member: (customerId: string) => request<LoyaltyMember>('GET', `/api/loyalty/members/${enc(customerId)}`),
    enrol: (customerId: string) =>
      request<{ customerId: string }>('POST', '/api/loyalty/members', { customerId }),
  };
}
