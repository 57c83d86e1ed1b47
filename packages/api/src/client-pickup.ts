// The back office's calls for pickup times: a store's settings. Types only from the contract
// files, so the bundle carries no zod. (The shop's slot list is `shop.pickupSlots` in client-shop.ts.)
import type { Transport } from './client';
import { queryString } from './client';
import type { PickupLoad, PickupSettings, PickupSlotDay, UpdatePickupSettingsBody } from './pickup';

const enc = encodeURIComponent;

export function createPickupClient({ request }: Transport) {
  return {
    /** GET /api/stores/:storeId/pickup-settings: version 0 and pickup off when never saved. */
    settings: (storeId: string) =>
      request<PickupSettings>('GET', `/api/stores/${enc(storeId)}/pickup-settings`),
    /** PUT /api/stores/:storeId/pickup-settings: 409 `version_conflict` when someone saved first. */
    saveSettings: (storeId: string, body: UpdatePickupSettingsBody) =>
      request<PickupSettings>('PUT', `/api/stores/${enc(storeId)}/pickup-settings`, body),
    /** GET /api/stores/:storeId/pickup-slots: the free slots of a date, with their remaining room. */
    slots: (storeId: string, q: { date?: string; items?: number } = {}) =>
      request<PickupSlotDay>('GET', `/api/stores/${enc(storeId)}/pickup-slots${queryString(q)}`),
    /** GET /api/stores/:storeId/pickup-load: every slot of `days` dates from `date` with its bookings. */
    load: (storeId: string, q: { date: string; days?: number }) =>
      request<PickupLoad>('GET', `/api/stores/${enc(storeId)}/pickup-load${queryString(q)}`),
  };
}
