// The hand-over calls a paired register makes with its device token: find the order by the
// scanned pickup code or a search, hand over a prepaid order, and take back goods of a collected one.
import type {
  HandoverBody,
  HandoverLookupResult,
  Order,
  WebOrderReturnBody,
  WebOrderReturnResult,
} from '@handla/api';
import { call } from '../device-api';

const enc = encodeURIComponent;

export function handoverApi(registerId: string, token: string) {
  const base = `/api/registers/${enc(registerId)}/pickup-orders`;
  return {
    /** The order whose pickup code (from the shopper's QR) this is, exactly. */
    lookupByCode: (code: string) =>
      call<HandoverLookupResult>('GET', `${base}/lookup?code=${enc(code)}`, token),
    /** This store's pickup orders by order number or customer name. */
    search: (q: string) => call<HandoverLookupResult>('GET', `${base}/lookup?q=${enc(q)}`, token),
    /** Prepaid: captures the final amount and marks the order collected; a repeated key changes nothing. */
    handOver: (orderId: string, body: HandoverBody) =>
      call<Order>('POST', `${base}/${enc(orderId)}/hand-over`, token, body),
    /** Goods of a collected order back to this store, refunded to the online payment. */
    returnLines: (orderId: string, body: WebOrderReturnBody) =>
      call<WebOrderReturnResult>('POST', `${base}/${enc(orderId)}/returns`, token, body),
  };
}

export type HandoverApi = ReturnType<typeof handoverApi>;
