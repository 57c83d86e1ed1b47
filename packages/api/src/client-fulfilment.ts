// The back office's calls for fulfilment: release settings per location, release now, pick lists
// (and their PDF links), and packing by scan. Types only from the contract file.
import type { Transport } from './client';
import type {
  FulfilmentSettings,
  Packing,
  PickList,
  PickListSummary,
  ReleaseResult,
  UpdateFulfilmentSettingsBody,
} from './fulfilment';

const enc = encodeURIComponent;

export function createFulfilmentClient({ request, url }: Transport) {
  const location = (id: string) => `/api/fulfilment/locations/${enc(id)}`;
  return {
    /** GET …/settings: version 0 when never saved (then only "release now" releases). */
    settings: (locationId: string) => request<FulfilmentSettings>('GET', `${location(locationId)}/settings`),
    /** PUT …/settings: 409 `version_conflict` when someone saved first. */
    saveSettings: (locationId: string, body: UpdateFulfilmentSettingsBody) =>
      request<FulfilmentSettings>('PUT', `${location(locationId)}/settings`, body),
    /** POST …/release: every waiting paid delivery order into pick lists now. */
    releaseNow: (locationId: string) => request<ReleaseResult>('POST', `${location(locationId)}/release`),
    /** GET …/pick-lists: newest first. */
    pickLists: (locationId: string) =>
      request<{ items: PickListSummary[] }>('GET', `${location(locationId)}/pick-lists`),
    /** GET /api/fulfilment/pick-lists/:id: orders and lines grouped by shelf. */
    pickList: (id: string) => request<PickList>('GET', `/api/fulfilment/pick-lists/${enc(id)}`),
    /** The pick list PDF, for a link. */
    pickListPdfUrl: (id: string) => url(`/api/fulfilment/pick-lists/${enc(id)}/pdf`),
    /** The packing slip PDF of an order (id or number), for a link. */
    packingSlipUrl: (orderId: string) => url(`/api/fulfilment/orders/${enc(orderId)}/packing-slip.pdf`),
    /** GET …/packing: progress per line; the order by id or by our order number. */
    packing: (orderId: string) => request<Packing>('GET', `/api/fulfilment/orders/${enc(orderId)}/packing`),
    /** POST …/pack-scans: one unit; 409 `scan_refused` naming `code` for a wrong or extra scan. */
    scan: (orderId: string, code: string) =>
      request<Packing>('POST', `/api/fulfilment/orders/${enc(orderId)}/pack-scans`, { code }),
  };
}
