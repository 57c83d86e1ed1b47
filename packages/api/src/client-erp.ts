// The ERP area of the typed client: the connection, its messages with retry, and the references.
// Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  ErpConnectionSaved,
  ErpConnectionState,
  ErpEntityKind,
  ErpFlow,
  ErpMessage,
  ErpReference,
  PutErpConnectionBody,
} from './erp';

export function createErpClient({ request }: Transport) {
  return {
    /** GET /api/erp/connection: null before it is set up. */
    connection: () => request<ErpConnectionState>('GET', '/api/erp/connection'),
    /** PUT /api/erp/connection: set up or change; the secret is in the answer on set-up and rotation only. */
    saveConnection: (body: PutErpConnectionBody) =>
      request<ErpConnectionSaved>('PUT', '/api/erp/connection', body),
    messages: (q: { status?: ErpMessage['status']; flow?: ErpFlow; limit?: number } = {}) =>
      request<{ items: ErpMessage[] }>('GET', `/api/erp/messages${queryString({ ...q })}`),
    /** POST …/retry: a failed message sent again now with the same messageId. */
    retry: (id: string) => request<ErpMessage>('POST', `/api/erp/messages/${encodeURIComponent(id)}/retry`),
    references: (q: { kind?: ErpEntityKind; id?: string; limit?: number } = {}) =>
      request<{ items: ErpReference[] }>('GET', `/api/erp/references${queryString({ ...q })}`),
  };
}
