import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await createTestApp();
  manager = await signIn(t.app, 'manager');
});
afterAll(() => t.close());

async function createKey(scopes: string[]) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    headers: { cookie: manager },
    payload: { name: 'ERP-integration', scopes },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { apiKey: { id: string; prefix: string }; secret: string };
}

describe('API keys', () => {
  it('shows the secret once, stores only its hash, and authenticates with it', async () => {
    const { apiKey, secret } = await createKey(['catalog:read', 'events:read']);
    expect(secret).toMatch(/^hk_[0-9a-f]{12}_/);
    const [row] = await t.ctx.db.query<{ secret_hash: string }>(
      'select secret_hash from api_keys where id = $1',
      [apiKey.id],
    );
    // The secret part is everything after the 12-digit prefix (it may itself contain "_").
    const secretPart = secret.slice('hk_'.length + 12 + 1);
    expect(secretPart).toHaveLength(43);
    expect(row!.secret_hash).not.toContain(secretPart);
    const listed = await t.app.inject({ url: '/api/api-keys', headers: { cookie: manager } });
    expect(JSON.stringify(listed.json())).not.toContain(secretPart);

    const current = await t.app.inject({
      url: '/api/api-keys/current',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ id: apiKey.id, scopes: ['catalog:read', 'events:read'] });
  });

  it('keeps a key out of routes its scopes do not cover, and out of staff routes', async () => {
    const { secret } = await createKey(['catalog:read']);
    const staff = await t.app.inject({ url: '/api/staff', headers: { authorization: `Bearer ${secret}` } });
    expect(staff.statusCode).toBe(403);
  });

  it('refuses a revoked key at once, and a made-up one', async () => {
    const { apiKey, secret } = await createKey(['orders:read']);
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${apiKey.id}`,
      headers: { cookie: manager },
    });
    expect(revoke.statusCode).toBe(204);
    for (const token of [secret, `${secret.slice(0, -1)}x`, 'hk_000000000000_nope']) {
      const response = await t.app.inject({
        url: '/api/api-keys/current',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('invalid_api_key');
    }
  });

  it('answers 404 for revoking an unknown key', async () => {
    const response = await t.app.inject({
      method: 'DELETE',
      url: '/api/api-keys/key_nope',
      headers: { cookie: manager },
    });
    expect(response.statusCode).toBe(404);
  });

  it('writes an outbox event in the same transaction as the key', async () => {
    const { apiKey } = await createKey(['stock:read']);
    const events = await t.ctx.db.query<{ type: string }>(
      'select type from outbox_events where aggregate_id = $1 order by id',
      [apiKey.id],
    );
    expect(events.map((e) => e.type)).toEqual(['api_key.created']);
  });
});
