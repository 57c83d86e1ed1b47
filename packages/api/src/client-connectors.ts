// The connectors area of the typed client: 3PL connectors, their message log and the dead-letter
// list. Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  Connector,
  ConnectorBackfillResult,
  ConnectorMessage,
  ConnectorWithSecret,
  CreateConnectorBody,
  DeadLetter,
  UpdateConnectorBody,
} from './connectors';

export function createConnectorsClient({ request }: Transport) {
  const enc = encodeURIComponent;
  return {
    /** GET /api/connectors: every connector with its waiting messages and open dead letters. */
    list: () => request<{ items: Connector[] }>('GET', '/api/connectors'),
    /** POST /api/connectors: the answer holds the signing secret this once. */
    create: (body: Pick<CreateConnectorBody, 'locationId' | 'baseUrl'> & Partial<CreateConnectorBody>) =>
      request<ConnectorWithSecret>('POST', '/api/connectors', body),
    update: (id: string, body: UpdateConnectorBody) =>
      request<Connector>('PATCH', `/api/connectors/${enc(id)}`, body),
    /** POST /api/connectors/:id/backfill: queues the open orders it was never sent; how many (0 the second time). */
    backfill: (id: string) => request<ConnectorBackfillResult>('POST', `/api/connectors/${enc(id)}/backfill`),
    /** GET /api/connectors/messages: the newest messages first. */
    messages: (q: { connectorId?: string; orderId?: string; limit?: number } = {}) =>
      request<{ items: ConnectorMessage[] }>('GET', `/api/connectors/messages${queryString({ ...q })}`),
    /** GET /api/connectors/dead-letters: open ones first. */
    deadLetters: (q: { status?: DeadLetter['status']; limit?: number } = {}) =>
      request<{ items: DeadLetter[] }>('GET', `/api/connectors/dead-letters${queryString({ ...q })}`),
    /** POST …/retry: applied or sent again; `status` says whether it is resolved now. */
    retryDeadLetter: (id: string) =>
      request<DeadLetter>('POST', `/api/connectors/dead-letters/${enc(id)}/retry`),
    dismissDeadLetter: (id: string, reason: string) =>
      request<DeadLetter>('POST', `/api/connectors/dead-letters/${enc(id)}/dismiss`, { reason }),
  };
}
