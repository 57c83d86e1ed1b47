// The calls a paired register makes with its device token (`Authorization: Device <token>`).
// Errors come back as the same `ApiError` (problem+json) the shared client throws.
import {
  ApiError,
  type CashierSession,
  type CashierSignInBody,
  type Customer,
  type InvoiceCreditCheck,
  type PairDeviceBody,
  type PairedDevice,
  type Problem,
  type ReceiptDetail,
  type ReceiptSummary,
  type RegisterCommandBatchResult,
  type RegisterCommandDto,
  type RegisterSetup,
  type SkuAvailability,
  type Store,
} from '@handla/api';

async function problemOf(response: Response): Promise<Problem> {
  const body = (await response.json().catch(() => null)) as Partial<Problem> | null;
  if (body && typeof body.code === 'string' && typeof body.title === 'string') {
    return { ...(body as Problem), errors: Array.isArray(body.errors) ? body.errors : [] };
  }
  const code = response.status >= 500 ? 'internal_error' : 'http_error';
  return {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    code,
    errors: [],
  };
}

/** One JSON call with the device token; new areas build their own call lists on it. */
export async function call<T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Device ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new ApiError(await problemOf(response));
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

const enc = encodeURIComponent;

/** POST /api/devices/pair: the manager's pairing code and this device's public key → the device token. */
export function pairDevice(body: PairDeviceBody): Promise<PairedDevice> {
  return call('POST', '/api/devices/pair', null, body);
}

/** The register's calls, authenticated as the paired device. */
export function deviceApi(registerId: string, token: string) {
  const base = `/api/registers/${enc(registerId)}`;
  return {
    setup: () => call<RegisterSetup>('GET', `${base}/setup`, token),
    signInCashier: (body: CashierSignInBody) =>
      call<CashierSession>('POST', `${base}/cashier-sessions`, token, body),
    sendCommands: (commands: RegisterCommandDto[]) =>
      call<RegisterCommandBatchResult>('POST', `${base}/commands`, token, { commands }),
    searchReceipts: (query: { q?: string; number?: number; from?: string; to?: string }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query))
        if (value !== undefined && value !== '') params.set(key, String(value));
      return call<{ items: ReceiptSummary[] }>('GET', `${base}/receipts?${params}`, token);
    },
    receipt: (receiptId: string) => call<ReceiptDetail>('GET', `/api/receipts/${enc(receiptId)}`, token),
    print: (receiptId: string, copyId?: string) =>
      call<unknown>('POST', `/api/receipts/${enc(receiptId)}/print`, token, copyId ? { copyId } : {}),
    /** The public "in stock where?" answer: per store and in the warehouses. */
    availability: (skuId: string) =>
      call<SkuAvailability>('GET', `/api/stock/skus/${enc(skuId)}/availability`, null),
    /** Customers by name, e-mail or organisation number, for attaching one to the sale. */
    customers: (q: string) =>
      call<{ items: Customer[] }>(
        'GET',
        `/api/registers/${enc(registerId)}/customers?q=${enc(q)}&limit=10`,
        token,
      ),
    stores: () => call<{ items: Store[] }>('GET', '/api/stores', null),
    /** Before an invoice payment (online): 200 within the limit, else 409 credit_limit_exceeded. */
    invoiceCreditCheck: (customerId: string, amount: number) =>
      call<InvoiceCreditCheck>('POST', `${base}/invoice-credit-checks`, token, { customerId, amount }),
  };
}

export type DeviceApi = ReturnType<typeof deviceApi>;
