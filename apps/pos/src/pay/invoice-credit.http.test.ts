// The register's credit pre-check against the real server over HTTP, as the paired device: within
// the limit it takes the invoice, beyond it refuses with the limit and headroom, a customer without
// credit is refused, and asking holds nothing. The register app calls relative paths; here `fetch`
// is the real one with the listening app's origin (or a closed port, for "no answer") put in front.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type InvoiceHarness,
  startInvoiceHarness,
} from '../../../server/src/modules/invoices/invoices.testing';
import { type DeviceApi, deviceApi } from '../device-api';
import { decideInvoiceCredit } from './invoice-credit';

let h: InvoiceHarness;
let api: DeviceApi;
let origin: string;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  h = await startInvoiceHarness();
  origin = await h.t.app.listen({ port: 0, host: '127.0.0.1' });
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(`${origin}${path}`, init));
  api = deviceApi(h.device.registerId, h.device.token);
});

afterAll(async () => {
  vi.unstubAllGlobals();
  await h.t.close();
});

const invoiceCount = async () =>
  (await h.t.ctx.db.query<{ n: number }>('select count(*)::integer as n from invoices'))[0]!.n;

const decide = (customerId: string, amount: number, isOnline = true) =>
  decideInvoiceCredit(api.invoiceCreditCheck, { isOnline, customerId, amount });

describe('the credit pre-check from the register', () => {
  it('takes an invoice within the limit and refuses beyond it, naming the limit and headroom', async () => {
    const customerId = await h.company(100_000);
    await h.sell(customerId, [{ ...h.item(), unitPriceInclVat: 30_000 }]);
    const before = await invoiceCount();
    // Asking holds nothing: the same amount twice is allowed twice.
    expect(await decide(customerId, 70_000)).toEqual({ kind: 'take' });
    expect(await decide(customerId, 70_000)).toEqual({ kind: 'take' });
    expect(await decide(customerId, 70_001)).toEqual({
      kind: 'refuse',
      creditLimit: 100_000,
      headroom: 70_000,
      hasNoCredit: false,
    });
    expect(await invoiceCount()).toBe(before);
  });

  it('refuses a customer with no credit limit, and shows an unknown customer as the field error', async () => {
    expect(await decide(await h.company(null), 100)).toMatchObject({ kind: 'refuse', hasNoCredit: true });
    const unknown = await decide('cus_unknown', 100);
    expect(unknown.kind).toBe('error');
    const problem = (unknown as { error: { problem: { status: number; errors: { field: string }[] } } }).error
      .problem;
    expect(problem.status).toBe(400);
    expect(problem.errors.map((e) => e.field)).toEqual(['customerId']);
  });

  it('takes the invoice unchecked when offline (no call) or when the server does not answer', async () => {
    const customerId = await h.company(0);
    expect(await decide(customerId, 1)).toMatchObject({ kind: 'refuse', creditLimit: 0, headroom: 0 });
    expect(await decide(customerId, 1, false)).toEqual({ kind: 'take_unchecked', reason: 'offline' });
    // Port 9 (discard) has nothing listening here: a real refused connection.
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) =>
      realFetch(`http://127.0.0.1:9${path}`, init),
    );
    try {
      expect(await decide(customerId, 1)).toEqual({ kind: 'take_unchecked', reason: 'unreachable' });
    } finally {
      vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(`${origin}${path}`, init));
    }
  });
});
