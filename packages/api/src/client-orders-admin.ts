// The back office's orders in the typed client: the list, one order, its timeline and line edits.
// Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  AddOrderLineBody,
  AdminOrder,
  AdminOrderList,
  ChangeOrderLineBody,
  ORDER_CHANNELS,
  OrderTimeline,
  PAYMENT_STATES,
} from './orders-admin';

/** Query of `list`; `status` is one status or several joined by commas. */
export interface AdminOrdersParams {
  q?: string;
  status?: string;
  storeId?: string;
  channel?: (typeof ORDER_CHANNELS)[number];
  paymentState?: (typeof PAYMENT_STATES)[number];
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export function createOrdersAdminClient({ request }: Transport) {
  const enc = encodeURIComponent;
  const base = (id: string) => `/api/admin/orders/${enc(id)}`;
  return {
    /** GET /api/admin/orders: newest first; pass `nextCursor` back as `cursor`. */
    list: (q: AdminOrdersParams = {}) =>
      request<AdminOrderList>('GET', `/api/admin/orders${queryString({ ...q })}`),
    get: (id: string) => request<AdminOrder>('GET', base(id)),
    timeline: (id: string) => request<OrderTimeline>('GET', `${base(id)}/timeline`),
    addLine: (id: string, body: AddOrderLineBody) => request<AdminOrder>('POST', `${base(id)}/lines`, body),
    changeLine: (id: string, lineId: string, body: ChangeOrderLineBody) =>
      request<AdminOrder>('PATCH', `${base(id)}/lines/${enc(lineId)}`, body),
    removeLine: (id: string, lineId: string) =>
      request<AdminOrder>('DELETE', `${base(id)}/lines/${enc(lineId)}`),
  };
}
