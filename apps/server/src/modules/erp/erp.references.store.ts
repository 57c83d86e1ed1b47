// SQL for `erp_references`: the ERP's number per entity, stored once, and its lookups.
import type { ErpEntityKind, ErpReference } from '@handla/api';
import type { Queryable } from '@handla/db';

interface ReferenceRow {
  entityKind: ErpEntityKind;
  entityId: string;
  erpNumber: string;
  lastSentVersion: number;
  updatedAt: Date;
}

const COLUMNS = `entity_kind as "entityKind", entity_id as "entityId", erp_number as "erpNumber",
  last_sent_version as "lastSentVersion", updated_at as "updatedAt"`;

const toReference = (row: ReferenceRow): ErpReference => ({ ...row, updatedAt: row.updatedAt.toISOString() });

export interface EntityKey {
  companyId: string;
  entityKind: ErpEntityKind;
  entityId: string;
}

/**
 * Stores `erpNumber` as the entity's reference when it has none, and returns the one stored now,
 * locked until the caller's transaction ends (so a concurrent answer waits and compares with it).
 */
export async function claimReference(
  q: Queryable,
  key: EntityKey,
  erpNumber: string,
  version: number,
  now: Date,
): Promise<{ erpNumber: string; lastSentVersion: number; isNew: boolean }> {
  const inserted = await q.query<{ erpNumber: string }>(
    `insert into erp_references (company_id, entity_kind, entity_id, erp_number, last_sent_version, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $6)
     on conflict do nothing returning erp_number as "erpNumber"`,
    [key.companyId, key.entityKind, key.entityId, erpNumber, version, now],
  );
  if (inserted.length > 0) return { erpNumber, lastSentVersion: version, isNew: true };
  const [row] = await q.query<{ erpNumber: string; lastSentVersion: number }>(
    `select erp_number as "erpNumber", last_sent_version as "lastSentVersion" from erp_references
      where company_id = $1 and entity_kind = $2 and entity_id = $3 for update`,
    [key.companyId, key.entityKind, key.entityId],
  );
  return { ...row!, isNew: false };
}

/** Notes that the ERP has taken `version` (a repeat of an older one changes nothing). */
export async function noteVersionSent(
  q: Queryable,
  key: EntityKey,
  version: number,
  now: Date,
): Promise<void> {
  await q.query(
    `update erp_references set last_sent_version = greatest(last_sent_version, $4), updated_at = $5
      where company_id = $1 and entity_kind = $2 and entity_id = $3`,
    [key.companyId, key.entityKind, key.entityId, version, now],
  );
}

export async function findReferenceNumber(q: Queryable, key: EntityKey): Promise<string | null> {
  const [row] = await q.query<{ erpNumber: string }>(
    `select erp_number as "erpNumber" from erp_references
      where company_id = $1 and entity_kind = $2 and entity_id = $3`,
    [key.companyId, key.entityKind, key.entityId],
  );
  return row?.erpNumber ?? null;
}

/** The company's references, newest first, optionally of one kind and/or one entity. */
export async function listReferences(
  q: Queryable,
  companyId: string,
  filter: { kind?: ErpEntityKind; id?: string; limit: number },
): Promise<ErpReference[]> {
  const rows = await q.query<ReferenceRow>(
    `select ${COLUMNS} from erp_references
      where company_id = $1 and ($2::text is null or entity_kind = $2) and ($3::text is null or entity_id = $3)
      order by updated_at desc, entity_id limit $4`,
    [companyId, filter.kind ?? null, filter.id ?? null, filter.limit],
  );
  return rows.map(toReference);
}
