// SQL for API keys.
import type { ApiKey, ApiScope } from '@handla/api';
import type { Queryable } from '@handla/db';

interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  secretHash: string;
}

const COLUMNS = `id, name, prefix, scopes, created_at as "createdAt", last_used_at as "lastUsedAt",
  revoked_at as "revokedAt", secret_hash as "secretHash"`;

/** The public view of a key row. */
export function toApiKey(row: KeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function insertApiKey(
  q: Queryable,
  key: {
    id: string;
    companyId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: ApiScope[];
  },
  createdBy: string | null,
  createdAt: Date,
): Promise<KeyRow> {
  const [row] = await q.query<KeyRow>(
    `insert into api_keys (id, company_id, name, prefix, secret_hash, scopes, created_by, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
    [key.id, key.companyId, key.name, key.prefix, key.secretHash, key.scopes, createdBy, createdAt],
  );
  return row!;
}

export async function listApiKeyRows(q: Queryable): Promise<KeyRow[]> {
  return q.query<KeyRow>(`select ${COLUMNS} from api_keys order by created_at desc, id desc`);
}

export async function findApiKeyById(q: Queryable, id: string): Promise<KeyRow | undefined> {
  return (await q.query<KeyRow>(`select ${COLUMNS} from api_keys where id = $1`, [id]))[0];
}

export async function findApiKeyByPrefix(q: Queryable, prefix: string): Promise<KeyRow | undefined> {
  return (await q.query<KeyRow>(`select ${COLUMNS} from api_keys where prefix = $1`, [prefix]))[0];
}

/** Sets revoked_at once; returns the row, or nothing when there is no such key. */
export async function markRevoked(q: Queryable, id: string, at: Date): Promise<KeyRow | undefined> {
  const rows = await q.query<KeyRow>(
    `update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1 returning ${COLUMNS}`,
    [id, at],
  );
  return rows[0];
}

// Written at most once a minute per key, so reads through the API do not each cost a write.
export async function touchLastUsed(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query(
    `update api_keys set last_used_at = $2
      where id = $1 and (last_used_at is null or last_used_at < $2::timestamptz - interval '1 minute')`,
    [id, at],
  );
}

export async function firstCompanyId(q: Queryable): Promise<string> {
  const [row] = await q.query<{ id: string }>('select id from companies order by created_at, id limit 1');
  if (!row) throw new Error('No company exists yet; run the seed first.');
  return row.id;
}
