// SQL for campaigns and their prices. A campaign applies from starts_at until its effective end,
// least(ends_at, ended_at): ended_at is set when it is ended early.
import type { Queryable } from '@handla/db';

/** A campaign row as stored. */
export interface CampaignRow {
  id: string;
  name: string;
  storeId: string | null;
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  priceCount: number;
}

/** Which campaigns to list, relative to `now`: `current` is active and upcoming. */
export type CampaignFilter = 'current' | 'active' | 'upcoming' | 'ended' | 'all';

const EFFECTIVE_END = 'least(c.ends_at, coalesce(c.ended_at, c.ends_at))';
const COLUMNS = `c.id, c.name, c.store_id as "storeId", c.starts_at as "startsAt", c.ends_at as "endsAt",
  c.ended_at as "endedAt", c.version, c.created_at as "createdAt", c.updated_at as "updatedAt",
  (select count(*)::integer from campaign_prices cp where cp.campaign_id = c.id) as "priceCount"`;

const FILTERS: Record<CampaignFilter, string> = {
  current: `${EFFECTIVE_END} > $2`,
  active: `c.starts_at <= $2 and ${EFFECTIVE_END} > $2`,
  upcoming: `c.starts_at > $2 and ${EFFECTIVE_END} > $2`,
  ended: `${EFFECTIVE_END} <= $2`,
  all: '$2::timestamptz is not null',
};

/** A page of the company's campaigns by start, for one store (its own and company-wide) or all. */
export async function listCampaignRows(
  q: Queryable,
  filter: {
    companyId: string;
    status: CampaignFilter;
    now: Date;
    storeId?: string;
    after?: { startsAt: Date; id: string };
    limit: number;
  },
): Promise<CampaignRow[]> {
  return q.query<CampaignRow>(
    `select ${COLUMNS} from campaigns c
      where c.company_id = $1 and ${FILTERS[filter.status]}
        and ($3::text is null or c.store_id is null or c.store_id = $3)
        and ($4::timestamptz is null or (c.starts_at, c.id) > ($4::timestamptz, $5::text))
      order by c.starts_at, c.id limit $6`,
    [
      filter.companyId,
      filter.now,
      filter.storeId ?? null,
      filter.after?.startsAt ?? null,
      filter.after?.id ?? null,
      filter.limit,
    ],
  );
}

export async function findCampaignRow(q: Queryable, id: string): Promise<CampaignRow | undefined> {
  return (await q.query<CampaignRow>(`select ${COLUMNS} from campaigns c where c.id = $1`, [id]))[0];
}

/** Its prices by SKU id, amounts in the retail list's currency. */
export async function listCampaignPriceRows(
  q: Queryable,
  campaignId: string,
): Promise<{ skuId: string; unitPriceInclVat: number }[]> {
  return q.query(
    `select sku_id as "skuId", unit_price_incl_vat as "unitPriceInclVat" from campaign_prices
      where campaign_id = $1 order by sku_id`,
    [campaignId],
  );
}

export async function insertCampaignRow(
  q: Queryable,
  c: { id: string; companyId: string; name: string; storeId: string | null; startsAt: Date; endsAt: Date },
  at: Date,
): Promise<void> {
  await q.query(
    `insert into campaigns (id, company_id, name, store_id, starts_at, ends_at, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [c.id, c.companyId, c.name, c.storeId, c.startsAt, c.endsAt, at],
  );
}

/** Replaces all of a campaign's prices. */
export async function replaceCampaignPrices(
  q: Queryable,
  campaignId: string,
  prices: readonly { skuId: string; amount: number }[],
): Promise<void> {
  await q.query('delete from campaign_prices where campaign_id = $1', [campaignId]);
  await q.query(
    `insert into campaign_prices (campaign_id, sku_id, unit_price_incl_vat)
     select $1, sku, amount from unnest($2::text[], $3::integer[]) as item (sku, amount)`,
    [campaignId, prices.map((p) => p.skuId), prices.map((p) => p.amount)],
  );
}

/** Changes a campaign still at `version`; false when it is not. */
export async function updateCampaignRow(
  q: Queryable,
  id: string,
  change: { name?: string; startsAt?: Date; endsAt?: Date; endedAt?: Date },
  version: number,
  at: Date,
): Promise<boolean> {
  const rows = await q.query(
    `update campaigns set name = coalesce($2, name), starts_at = coalesce($3, starts_at),
            ends_at = coalesce($4, ends_at), ended_at = coalesce($5, ended_at),
            version = version + 1, updated_at = $7
      where id = $1 and version = $6 returning id`,
    [
      id,
      change.name ?? null,
      change.startsAt ?? null,
      change.endsAt ?? null,
      change.endedAt ?? null,
      version,
      at,
    ],
  );
  return rows.length > 0;
}
