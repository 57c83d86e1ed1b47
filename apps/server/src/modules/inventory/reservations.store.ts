// SQL for stock reservations and their lines.
import type { ReservationStatus } from '@handla/api';
import type { Queryable } from '@handla/db';

export interface ReservationRow {
  id: string;
  skuId: string;
  locationId: string;
  quantity: number;
  status: ReservationStatus;
  reference: string | null;
  actor: string;
  createdAt: Date;
  endedAt: Date | null;
  lines: { skuId: string; quantity: number }[];
}

const COLUMNS = `r.id, r.sku_id as "skuId", r.location_id as "locationId", r.quantity, r.status, r.reference,
  r.actor, r.created_at as "createdAt", r.ended_at as "endedAt",
  coalesce((select json_agg(json_build_object('skuId', l.sku_id, 'quantity', l.quantity) order by l.sku_id)
              from stock_reservation_lines l where l.reservation_id = r.id), '[]'::json) as lines`;

/**
 * Inserts the reservation unless its id exists. A concurrent insert of the same id waits here for
 * the first one to commit or roll back, so a retried call never reserves twice. True when inserted.
 */
export async function insertReservation(
  q: Queryable,
  r: Omit<ReservationRow, 'status' | 'endedAt' | 'lines'>,
): Promise<boolean> {
  const rows = await q.query(
    `insert into stock_reservations (id, sku_id, location_id, quantity, status, reference, actor, created_at)
     values ($1, $2, $3, $4, 'active', $5, $6, $7) on conflict (id) do nothing returning id`,
    [r.id, r.skuId, r.locationId, r.quantity, r.reference, r.actor, r.createdAt],
  );
  return rows.length > 0;
}

export async function insertReservationLines(
  q: Queryable,
  reservationId: string,
  lines: readonly { skuId: string; quantity: number }[],
): Promise<void> {
  await q.query(
    `insert into stock_reservation_lines (reservation_id, sku_id, quantity)
     select $1, sku_id, quantity from unnest($2::text[], $3::integer[]) as l(sku_id, quantity)`,
    [reservationId, lines.map((l) => l.skuId), lines.map((l) => l.quantity)],
  );
}

/** One reservation with its lines; `forUpdate` locks it against a concurrent release or consume. */
export async function findReservation(
  q: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReservationRow | undefined> {
  const [row] = await q.query<ReservationRow>(
    `select ${COLUMNS} from stock_reservations r where r.id = $1 ${options.forUpdate ? 'for update of r' : ''}`,
    [id],
  );
  return row;
}

/** Ends an active reservation as released or consumed. */
export async function endReservation(
  q: Queryable,
  id: string,
  status: 'released' | 'consumed',
  at: Date,
): Promise<void> {
  await q.query(
    `update stock_reservations set status = $2, ended_at = $3 where id = $1 and status = 'active'`,
    [id, status, at],
  );
}

/** Reserved units per SKU and location from the active reservations (what stock_levels.reserved must equal). */
export async function activeReservedTotals(
  q: Queryable,
): Promise<{ skuId: string; locationId: string; reserved: number }[]> {
  return q.query(
    `select l.sku_id as "skuId", r.location_id as "locationId", sum(l.quantity)::integer as reserved
       from stock_reservations r join stock_reservation_lines l on l.reservation_id = r.id
      where r.status = 'active' group by l.sku_id, r.location_id`,
  );
}
