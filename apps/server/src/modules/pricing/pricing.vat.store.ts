// SQL for tax classes, VAT rate periods and product tax-class overrides.
import type { TaxClass, TaxOverride, VatRate } from '@handla/api';
import type { Queryable } from '@handla/db';

// Dates leave as YYYY-MM-DD text: the drivers would turn a date into a Date at local midnight.
const RATE_COLUMNS = `country, tax_class as "taxClass", rate_bp as "rateBp",
  to_char(valid_from, 'YYYY-MM-DD') as "validFrom", to_char(valid_to, 'YYYY-MM-DD') as "validTo", version`;

export async function listTaxClasses(q: Queryable): Promise<TaxClass[]> {
  const rows = await q.query<{ code: string; nameSv: string; nameEn: string }>(
    'select code, name_sv as "nameSv", name_en as "nameEn" from tax_classes order by code',
  );
  return rows.map((r) => ({ code: r.code, name: { sv: r.nameSv, en: r.nameEn } }));
}

export async function taxClassExists(q: Queryable, code: string): Promise<boolean> {
  return (await q.query('select 1 from tax_classes where code = $1', [code])).length > 0;
}

export async function listVatRateRows(
  q: Queryable,
  filter: { country?: string; taxClasses?: readonly string[] },
): Promise<VatRate[]> {
  return q.query<VatRate>(
    `select ${RATE_COLUMNS} from vat_rates
      where ($1::text is null or country = $1) and ($2::text[] is null or tax_class = any($2))
      order by country, tax_class, valid_from`,
    [filter.country ?? null, filter.taxClasses ?? null],
  );
}

// Writers of rate periods check for overlaps and then insert; this lock makes the check and the
// insert one step, so two overlapping periods added at once cannot both pass. Readers are not blocked.
export async function lockVatRates(tx: Queryable): Promise<void> {
  await tx.query('lock table vat_rates in share row exclusive mode');
}

export async function insertVatRateRow(q: Queryable, rate: Omit<VatRate, 'version'>): Promise<VatRate> {
  const [row] = await q.query<VatRate>(
    `insert into vat_rates (country, tax_class, rate_bp, valid_from, valid_to)
     values ($1, $2, $3, $4, $5) returning ${RATE_COLUMNS}`,
    [rate.country, rate.taxClass, rate.rateBp, rate.validFrom, rate.validTo],
  );
  return row!;
}

/** Moves a period's last day when it is still at `version`; nothing when it is not. */
export async function updateVatRateEnd(
  q: Queryable,
  key: { country: string; taxClass: string; validFrom: string },
  validTo: string | null,
  version: number,
): Promise<VatRate | undefined> {
  const [row] = await q.query<VatRate>(
    `update vat_rates set valid_to = $4, version = version + 1
      where country = $1 and tax_class = $2 and valid_from = $3 and version = $5
      returning ${RATE_COLUMNS}`,
    [key.country, key.taxClass, key.validFrom, validTo, version],
  );
  return row;
}

const OVERRIDE_COLUMNS = `product_id as "productId", country, tax_class as "taxClass", version,
  updated_at as "updatedAt"`;

interface OverrideRow extends Omit<TaxOverride, 'updatedAt'> {
  updatedAt: Date;
}

export const toTaxOverride = (row: OverrideRow): TaxOverride => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

export async function listTaxOverrideRows(
  q: Queryable,
  productIds: readonly string[],
  country?: string,
): Promise<OverrideRow[]> {
  return q.query<OverrideRow>(
    `select ${OVERRIDE_COLUMNS} from product_tax_overrides
      where product_id = any($1) and ($2::text is null or country = $2) order by product_id, country`,
    [productIds, country ?? null],
  );
}

export async function insertTaxOverride(
  q: Queryable,
  o: { productId: string; country: string; taxClass: string },
  at: Date,
): Promise<OverrideRow | undefined> {
  const [row] = await q.query<OverrideRow>(
    `insert into product_tax_overrides (product_id, country, tax_class, updated_at)
     values ($1, $2, $3, $4) on conflict (product_id, country) do nothing returning ${OVERRIDE_COLUMNS}`,
    [o.productId, o.country, o.taxClass, at],
  );
  return row;
}

export async function updateTaxOverride(
  q: Queryable,
  o: { productId: string; country: string; taxClass: string },
  version: number,
  at: Date,
): Promise<OverrideRow | undefined> {
  const [row] = await q.query<OverrideRow>(
    `update product_tax_overrides set tax_class = $3, version = version + 1, updated_at = $5
      where product_id = $1 and country = $2 and version = $4 returning ${OVERRIDE_COLUMNS}`,
    [o.productId, o.country, o.taxClass, version, at],
  );
  return row;
}

export async function deleteTaxOverride(
  q: Queryable,
  key: { productId: string; country: string },
  version: number,
): Promise<boolean> {
  const rows = await q.query(
    `delete from product_tax_overrides where product_id = $1 and country = $2 and version = $3
     returning product_id`,
    [key.productId, key.country, version],
  );
  return rows.length > 0;
}
