// The register area of the typed client: pairing, setup, cashier sign-in, commands, receipts and
// the journal. Device calls send `Authorization: Device <token>`: pass the token to `device(token)`.
// Types only from the contract files, so browser bundles stay free of zod.
import { type ApiClientOptions, ApiError, queryString, type Transport } from './client';
import type {
  CashierSession,
  CashierSignInBody,
  DayReportDto,
  GiftCard,
  IssueGiftCardBody,
  JournalVerification,
  PairDeviceBody,
  PairedDevice,
  PrintResult,
  ReceiptDetail,
  ReceiptQuery,
  ReceiptSummary,
  RegisterCommandBatchResult,
  RegisterCommandDto,
  RegisterPairingCode,
  RegisterSettings,
  RegisterSetup,
  UpdateRegisterSettingsBody,
} from './register';

const reg = (id: string) => `/api/registers/${encodeURIComponent(id)}`;
const rcpt = (id: string) => `/api/receipts/${encodeURIComponent(id)}`;

/** Receipt search parameters; dates are ISO 8601 instants. */
export type ReceiptSearch = Partial<Omit<ReceiptQuery, 'limit'>> & { limit?: number };

/** Calls a paired device makes with its token (setup, cashier sign-in, commands, receipts, print). */
function createDeviceClient(transport: Transport, token: string, opts: ApiClientOptions) {
  const fetchFn = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Device ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetchFn(transport.url(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => null);
      throw new ApiError(
        problem && typeof problem.code === 'string'
          ? { ...problem, errors: Array.isArray(problem.errors) ? problem.errors : [] }
          : {
              type: 'about:blank',
              title: response.statusText || `HTTP ${response.status}`,
              status: response.status,
              code: response.status >= 500 ? 'internal_error' : 'http_error',
              errors: [],
            },
      );
    }
    return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
  }
  return {
    /** GET /api/registers/:id/setup: everything to cache for selling offline. */
    setup: (registerId: string) => request<RegisterSetup>('GET', `${reg(registerId)}/setup`),
    /** POST /api/registers/:id/cashier-sessions: staff number + PIN (429 after 5 wrong). */
    signInCashier: (registerId: string, body: CashierSignInBody) =>
      request<CashierSession>('POST', `${reg(registerId)}/cashier-sessions`, body),
    /** POST /api/registers/:id/commands: queued commands in journal order, applied exactly once. */
    sendCommands: (registerId: string, commands: RegisterCommandDto[]) =>
      request<RegisterCommandBatchResult>('POST', `${reg(registerId)}/commands`, { commands }),
    /** GET /api/registers/:id/receipts: search this register's receipts, newest first. */
    searchReceipts: (registerId: string, q: ReceiptSearch = {}) =>
      request<{ items: ReceiptSummary[] }>('GET', `${reg(registerId)}/receipts${queryString({ ...q })}`),
    /** GET /api/receipts/:id: a receipt with lines, payments and its printable document. */
    getReceipt: (id: string) => request<ReceiptDetail>('GET', rcpt(id)),
    /** POST /api/receipts/:id/print: the original once, or a journaled copy by its copyId (KOPIA). */
    print: (id: string, copyId?: string) =>
      request<PrintResult>('POST', `${rcpt(id)}/print`, copyId ? { copyId } : {}),
    /** GET /api/registers/:id/settings. */
    settings: (registerId: string) => request<RegisterSettings>('GET', `${reg(registerId)}/settings`),
    /** GET /api/gift-cards/:code: the card's balance. */
    giftCard: (code: string) => request<GiftCard>('GET', `/api/gift-cards/${encodeURIComponent(code)}`),
  };
}

/** The register client: staff calls directly, device calls through `device(token)`. */
export function createRegisterClient(transport: Transport, opts: ApiClientOptions = {}) {
  return {
    /** POST /api/devices/pair: a pairing code and the device's public key for a device token. */
    pair: (body: PairDeviceBody) => transport.request<PairedDevice>('POST', '/api/devices/pair', body),
    /** The calls a paired device makes with its token. */
    device: (token: string) => createDeviceClient(transport, token, opts),
    /** POST /api/registers/:id/pairings: a one-time pairing code (managers of the store, owners). */
    createPairingCode: (registerId: string) =>
      transport.request<RegisterPairingCode>('POST', `${reg(registerId)}/pairings`),
    /** GET /api/registers/:id/settings (managers). */
    settings: (registerId: string) =>
      transport.request<RegisterSettings>('GET', `${reg(registerId)}/settings`),
    /** PUT /api/registers/:id/settings: printer, control unit, training, idle lock (managers). */
    updateSettings: (registerId: string, body: UpdateRegisterSettingsBody) =>
      transport.request<RegisterSettings>('PUT', `${reg(registerId)}/settings`, body),
    /** GET /api/registers/:id/receipts (staff of the store). */
    searchReceipts: (registerId: string, q: ReceiptSearch = {}) =>
      transport.request<{ items: ReceiptSummary[] }>(
        'GET',
        `${reg(registerId)}/receipts${queryString({ ...q })}`,
      ),
    /** GET /api/receipts/:id (staff of the store). */
    getReceipt: (id: string) => transport.request<ReceiptDetail>('GET', rcpt(id)),
    /** The URL of the HTML receipt, for a browser print or a link. */
    receiptHtmlUrl: (id: string) => transport.url(`${rcpt(id)}/receipt.html`),
    /** POST /api/gift-cards: issue a card loaded with an amount (managers). */
    issueGiftCard: (body: IssueGiftCardBody) => transport.request<GiftCard>('POST', '/api/gift-cards', body),
    /** GET /api/registers/:id/reports/x (managers): an X report since the last Z report. */
    xReport: (registerId: string) => transport.request<DayReportDto>('GET', `${reg(registerId)}/reports/x`),
    /** GET /api/registers/:id/journal/verify (managers): ok, or the first broken entry. */
    verifyJournal: (registerId: string) =>
      transport.request<JournalVerification>('GET', `${reg(registerId)}/journal/verify`),
  };
}
