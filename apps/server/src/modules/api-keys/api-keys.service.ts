// API keys for integrations: `hk_<prefix>_<secret>`, shown once, stored as a hash, scoped, revocable.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKey, ApiScope, CreateApiKeyBody, CreatedApiKey } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import * as store from './api-keys.store';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Creates a key and returns it with its secret — the only time the secret is shown. */
export async function createApiKey(
  ctx: AppContext,
  input: CreateApiKeyBody,
  createdBy: string | null,
): Promise<CreatedApiKey> {
  const now = ctx.clock();
  const prefix = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    const created = await store.insertApiKey(
      tx,
      {
        id: ctx.newId('key'),
        companyId: await store.firstCompanyId(tx),
        name: input.name,
        prefix,
        secretHash: sha256(secret).toString('base64url'),
        scopes: [...new Set(input.scopes)],
      },
      createdBy,
      now,
    );
    await emitEvent(
      tx,
      {
        type: 'api_key.created',
        aggregateType: 'api_key',
        aggregateId: created.id,
        data: { name: created.name },
      },
      now,
    );
    return created;
  });
  return { apiKey: store.toApiKey(row), secret: `hk_${prefix}_${secret}` };
}

/** All keys, newest first, without secrets. */
export async function listApiKeys(ctx: AppContext): Promise<ApiKey[]> {
  return (await store.listApiKeyRows(ctx.db)).map(store.toApiKey);
}

/** One key by id, without its secret. */
export async function getApiKey(ctx: AppContext, id: string): Promise<ApiKey> {
  const row = await store.findApiKeyById(ctx.db, id);
  if (!row) throw new DomainError('not_found', `No API key ${id}.`);
  return store.toApiKey(row);
}

/** Revokes a key at once; revoking twice is harmless. */
export async function revokeApiKey(ctx: AppContext, id: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const row = await store.markRevoked(tx, id, now);
    if (!row)
      throw new DomainError('not_found', `No API key ${id}.`, [{ field: 'id', message: 'Unknown key' }]);
    await emitEvent(
      tx,
      { type: 'api_key.revoked', aggregateType: 'api_key', aggregateId: id, data: {} },
      now,
    );
  });
}

/** The key behind a bearer token, or throws `invalid_api_key`. */
export async function authenticateApiKey(
  ctx: AppContext,
  token: string,
): Promise<{ id: string; scopes: ApiScope[] }> {
  const match = /^hk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(token);
  const row = match ? await store.findApiKeyByPrefix(ctx.db, match[1]!) : undefined;
  const isValid =
    row !== undefined &&
    row.revokedAt === null &&
    timingSafeEqual(sha256(match![2]!), Buffer.from(row.secretHash, 'base64url'));
  if (!row || !isValid) throw new DomainError('invalid_api_key', 'The API key is unknown or revoked.');
  await store.touchLastUsed(ctx.db, row.id, ctx.clock());
  return { id: row.id, scopes: row.scopes };
}
