import { ApiError, createApiClient } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { interpolate } from './i18n/i18n';
import { sv } from './i18n/sv';

const t = (key: keyof typeof sv, vars?: Record<string, string | number>) => interpolate(sv[key], vars);

function answering(status: number, body: unknown, contentType = 'application/problem+json') {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': contentType },
    });
  };
  return { calls, client: createApiClient({ baseUrl: 'http://shop.test/', fetch }) };
}

const problem = (status: number, code: string, errors: { field: string; message: string }[] = []) => ({
  type: `https://handla.dev/problems/${code}`,
  title: 'English title',
  status,
  code,
  errors,
});

describe('the API client', () => {
  it('sends JSON with same-origin credentials and returns the typed answer', async () => {
    const user = { id: 'stf_1', email: 'a@b.se', name: 'A', role: 'cashier', storeId: null };
    const { calls, client } = answering(200, { user }, 'application/json');
    await expect(client.login({ email: 'a@b.se', password: 'x' })).resolves.toEqual({ user });
    expect(calls[0]?.url).toBe('http://shop.test/api/auth/login');
    expect(calls[0]?.init?.credentials).toBe('same-origin');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(calls[0]?.init?.body).toBe('{"email":"a@b.se","password":"x"}');
  });

  it('leaves empty query values out of the URL', async () => {
    const { calls, client } = answering(200, { items: [], nextCursor: null }, 'application/json');
    await client.listProducts({ q: 'kaffe', cursor: undefined, limit: 24 });
    expect(calls[0]?.url).toBe('http://shop.test/api/products?q=kaffe&limit=24');
    expect(client.eventsUrl({ storeId: 'sto_1' })).toBe('http://shop.test/api/events?storeId=sto_1');
  });

  it('resolves 204 answers with nothing', async () => {
    const { client } = answering(204, undefined);
    await expect(client.logout()).resolves.toBeUndefined();
  });

  it('throws ApiError with the problem document on a refusal', async () => {
    const { client } = answering(401, problem(401, 'invalid_credentials'));
    const error = await client.login({ email: 'a@b.se', password: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).problem.code).toBe('invalid_credentials');
  });

  it('gives a non-JSON failure a problem shape too', async () => {
    const { client } = answering(502, undefined, 'text/html');
    const error = (await client.health().catch((e: unknown) => e)) as ApiError;
    expect(error.problem).toMatchObject({ status: 502, code: 'internal_error', errors: [] });
  });
});

describe('describeError', () => {
  it('words known codes in the UI language and keeps the field errors', () => {
    const error = new ApiError(
      problem(400, 'validation_failed', [{ field: 'email', message: 'Invalid email' }]),
    );
    expect(describeError(error, t)).toEqual({
      message: sv['error.validation_failed'],
      fieldErrors: [{ field: 'email', message: 'Invalid email' }],
    });
  });

  it('falls back to the server title for unknown codes, and names network failures', () => {
    expect(describeError(new ApiError(problem(409, 'version_conflict')), t).message).toBe('English title');
    expect(describeError(new TypeError('Failed to fetch'), t).message).toBe(sv['error.network']);
  });
});
