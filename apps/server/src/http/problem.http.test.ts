import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../testing/test-app';

let t: TestApp;
let cookie: string;
const countKeys = async () =>
  (await t.ctx.db.query<{ n: number }>('select count(*)::int as n from api_keys'))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await signIn(t.app, 'owner');
});
afterAll(() => t.close());

async function post(payload: string, contentType = 'application/json') {
  return t.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie, 'content-type': contentType },
    payload,
  });
}

describe('bad input answers 4xx problem details and changes nothing', () => {
  it.each([
    ['malformed JSON', '{"name": "x", ', 'application/json', 400, 'invalid_json'],
    ['an empty JSON body', '', 'application/json', 400, 'invalid_json'],
    ['a body that is not JSON', 'name=x', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
  ])('%s', async (_label, payload, contentType, status, code) => {
    const before = await countKeys();
    const response = await post(payload, contentType);
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status, code, errors: expect.any(Array) });
    expect(await countKeys()).toBe(before);
  });

  it('names each field with a wrong type', async () => {
    const before = await countKeys();
    const response = await post(JSON.stringify({ name: 42, scopes: ['catalog:read', 'fly:away'] }));
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['name', 'scopes.1']);
    expect(await countKeys()).toBe(before);
  });

  it('refuses unknown fields by name', async () => {
    const response = await post(JSON.stringify({ name: 'ERP', scopes: ['catalog:read'], isAdmin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual({ field: 'isAdmin', message: 'Unknown field' });
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const before = await countKeys();
    const response = await post(
      JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), scopes: ['catalog:read'] }),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
    expect(await countKeys()).toBe(before);
  });

  it('answers an unknown endpoint with 404 problem details', async () => {
    const response = await t.app.inject({ url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route_not_found', status: 404 });
  });

  it('validates query strings too', async () => {
    const response = await t.app.inject({ url: '/api/products?limit=0' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('limit');
  });

  it('refuses a cursor it did not give out', async () => {
    const response = await t.app.inject({ url: '/api/products?cursor=%2F%2F%2F' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual({ field: 'cursor', message: 'Invalid cursor' });
  });
});
