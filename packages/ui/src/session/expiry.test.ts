import { ApiError, createApiClient } from '@handla/api';
import { describe, expect, it, vi } from 'vitest';
import { withSessionExpiry } from './expiry';

const refusing = (code: string, status: number) =>
  createApiClient({
    fetch: async () =>
      new Response(JSON.stringify({ type: 'x', title: 'x', status, code, errors: [] }), { status }),
  });

describe('withSessionExpiry', () => {
  it('reports an ended session and still rejects', async () => {
    const onExpired = vi.fn();
    const api = withSessionExpiry(refusing('unauthenticated', 401), onExpired);
    await expect(api.listStaff()).rejects.toBeInstanceOf(ApiError);
    expect(onExpired).toHaveBeenCalledOnce();
  });

  it('ignores other refusals and leaves plain methods alone', async () => {
    const onExpired = vi.fn();
    const api = withSessionExpiry(refusing('forbidden', 403), onExpired);
    await expect(api.listStaff()).rejects.toBeInstanceOf(ApiError);
    expect(onExpired).not.toHaveBeenCalled();
    expect(api.eventsUrl()).toBe('/api/events');
  });

  it('wraps the methods of the client areas too (api.catalog, api.stock)', async () => {
    const onExpired = vi.fn();
    const api = withSessionExpiry(refusing('unauthenticated', 401), onExpired);
    const firstCatalogMethod = Object.values(api.catalog).find(
      (m) => typeof m === 'function',
    ) as () => Promise<unknown>;
    expect(firstCatalogMethod).toBeTypeOf('function');
    await expect(firstCatalogMethod()).rejects.toBeInstanceOf(ApiError);
    expect(onExpired).toHaveBeenCalledOnce();
  });
});
