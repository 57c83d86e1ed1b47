// The register admin client builds the routes the server answers; checked with a recording fetch.
import { ApiError, createApiClient } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { isMissingRoute } from './report';

function recordingClient(answer: () => Response) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), method: init?.method ?? 'GET', body: init?.body });
    return answer();
  };
  return {
    api: createApiClient({ baseUrl: 'http://shop.test', fetch: fetch as typeof globalThis.fetch }),
    calls,
  };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the register admin client', () => {
  it('calls the list, reports, sales and print routes', async () => {
    const { api, calls } = recordingClient(() => json({ items: [] }));
    await api.registerAdmin.list();
    await api.registerAdmin.reports('reg/1', 'z');
    await api.registerAdmin.salesByRegister({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-02T00:00:00.000Z',
    });
    await api.registerAdmin.print('rcp_1');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET http://shop.test/api/registers',
      'GET http://shop.test/api/registers/reg%2F1/reports?kind=z',
      'GET http://shop.test/api/reports/registers?from=2026-11-01T00%3A00%3A00.000Z&to=2026-11-02T00%3A00%3A00.000Z',
      'POST http://shop.test/api/receipts/rcp_1/print',
    ]);
    expect(calls[3]?.body).toBe('{}');
  });

  it('links the SAF-T file for a period of days', () => {
    const { api } = recordingClient(() => json({}));
    expect(api.registerAdmin.saftUrl('reg_1', { from: '2026-10-01', to: '2026-10-31' })).toBe(
      'http://shop.test/api/registers/reg_1/saft?from=2026-10-01&to=2026-10-31',
    );
  });

  it('tells a route the server lacks from a missing register', async () => {
    const problem = (code: string) =>
      json({ type: 'about:blank', title: 'Not found', status: 404, code, errors: [] }, 404);
    const missingRoute = recordingClient(() => problem('route_not_found')).api;
    const missingRegister = recordingClient(() => problem('not_found')).api;
    const e1 = await missingRoute.registerAdmin.reports('reg_1', 'z').catch((e: unknown) => e);
    const e2 = await missingRegister.registerAdmin.reports('reg_1', 'z').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ApiError);
    expect(isMissingRoute(e1)).toBe(true);
    expect(isMissingRoute(e2)).toBe(false);
  });
});
