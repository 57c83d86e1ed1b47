// SQL for transfers between locations and their lines.
import type { Queryable } from '@handla/db';

export type TransferStatus = 'draft' | 'sent' | 'received' | 'cancelled';

export interface TransferLineRow {
  skuId: string;
  quantity: number;
  receivedQuantity: number | null;
}

export interface TransferRow {
  id: string;
  fromLocationId: string;
  toLocationId: string;
  status: TransferStatus;
  note: string;
  version: number;
  createdBy: string;
  createdAt: Date;
  sentAt: Date | null;
  receivedAt: Date | null;
  lines: TransferLineRow[];
}

const COLUMNS = `t.id, t.from_location_id as "fromLocationId", t.to_location_id as "toLocationId", t.status,
  t.note, t.version, t.created_by as "createdBy", t.created_at as "createdAt", t.sent_at as "sentAt",
  t.received_at as "receivedAt",
  coalesce((select json_agg(json_build_object('skuId', l.sku_id, 'quantity', l.quantity,
                                              'receivedQuantity', l.received_quantity) order by l.sku_id)
              from stock_transfer_lines l where l.transfer_id = t.id), '[]'::json) as lines`;

export async function insertTransfer(
  q: Queryable,
  t: Pick<TransferRow, 'id' | 'fromLocationId' | 'toLocationId' | 'note' | 'createdBy' | 'createdAt'>,
): Promise<void> {
  await q.query(
    `insert into stock_transfers (id, from_location_id, to_location_id, status, note, created_by, created_at, updated_at)
     values ($1, $2, $3, 'draft', $4, $5, $6, $6)`,
    [t.id, t.fromLocationId, t.toLocationId, t.note, t.createdBy, t.createdAt],
  );
}

/** Replaces a draft's lines. */
export async function replaceTransferLines(
  q: Queryable,
  transferId: string,
  lines: readonly { skuId: string; quantity: number }[],
): Promise<void> {
  await q.query('delete from stock_transfer_lines where transfer_id = $1', [transferId]);
  await q.query(
    `insert into stock_transfer_lines (transfer_id, sku_id, quantity)
     select $1, sku_id, quantity from unnest($2::text[], $3::integer[]) as l(sku_id, quantity)`,
    [transferId, lines.map((l) => l.skuId), lines.map((l) => l.quantity)],
  );
}

/** Records what arrived of each line. */
export async function setReceivedQuantities(
  q: Queryable,
  transferId: string,
  lines: readonly { skuId: string; receivedQuantity: number }[],
): Promise<void> {
  await q.query(
    `update stock_transfer_lines t set received_quantity = r.received
       from unnest($2::text[], $3::integer[]) as r(sku_id, received)
      where t.transfer_id = $1 and t.sku_id = r.sku_id`,
    [transferId, lines.map((l) => l.skuId), lines.map((l) => l.receivedQuantity)],
  );
}

/** One transfer with its lines; `forUpdate` locks it until the transaction ends. */
export async function findTransfer(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TransferRow | undefined> {
  const [row] = await q.query<TransferRow>(
    `select ${COLUMNS} from stock_transfers t where t.id = $1 ${options.forUpdate ? 'for update of t' : ''}`,
    [id],
  );
  return row;
}

/** Moves a transfer on and bumps its version; `stamp` names the instant column to set. */
export async function updateTransfer(
  q: Queryable,
  id: string,
  change: { status?: TransferStatus; note?: string; stamp?: 'sent_at' | 'received_at' },
  at: Date,
): Promise<void> {
  await q.query(
    `update stock_transfers
        set status = coalesce($2, status), note = coalesce($3, note), version = version + 1, updated_at = $4
            ${change.stamp ? `, ${change.stamp} = $4` : ''}
      where id = $1`,
    [id, change.status ?? null, change.note ?? null, at],
  );
}

/** A page of transfers, newest first, starting after the id `after`. */
export async function listTransferRows(
  q: Queryable,
  filter: { status?: TransferStatus; fromLocationId?: string; toLocationId?: string },
  after: string | null,
  limit: number,
): Promise<TransferRow[]> {
  return q.query<TransferRow>(
    `select ${COLUMNS} from stock_transfers t
      where ($1::text is null or t.status = $1) and ($2::text is null or t.from_location_id = $2)
        and ($3::text is null or t.to_location_id = $3) and ($4::text is null or t.id < $4)
      order by t.id desc limit $5`,
    [filter.status ?? null, filter.fromLocationId ?? null, filter.toLocationId ?? null, after, limit],
  );
}

/** Units on their way to each of the locations: lines of sent transfers. */
export async function unitsInTransitTo(
  q: Queryable,
  locationIds: readonly string[],
): Promise<{ skuId: string; locationId: string; units: number }[]> {
  return q.query(
    `select l.sku_id as "skuId", t.to_location_id as "locationId", sum(l.quantity)::integer as units
       from stock_transfers t join stock_transfer_lines l on l.transfer_id = t.id
      where t.status = 'sent' and t.to_location_id = any($1) group by l.sku_id, t.to_location_id`,
    [locationIds],
  );
}
