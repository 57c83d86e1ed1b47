// SQL for the exchange rates (migration 0037): kronor per unit of a currency per date and company.
import type { Queryable } from '@handla/db';

export interface ExchangeRateRow {
  currency: string;
  date: string;
  rateToSek: string;
  source: string;
  updatedAt: string;
}

const COLUMNS = `currency, to_char(rate_date, 'YYYY-MM-DD') as date,
  trim(trailing '.' from trim(trailing '0' from rate_to_sek::text)) as "rateToSek", source,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "updatedAt"`;

export async function upsertExchangeRate(
  q: Queryable,
  row: {
    companyId: string;
    currency: string;
    date: string;
    rateToSek: string;
    source: string;
    by: string;
    at: Date;
  },
): Promise<ExchangeRateRow> {
  const [saved] = await q.query<ExchangeRateRow>(
    `insert into exchange_rates (company_id, currency, rate_date, rate_to_sek, source, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7)
     on conflict (company_id, currency, rate_date)
       do update set rate_to_sek = $4, source = $5, updated_by = $6, updated_at = $7
     returning ${COLUMNS}`,
    [row.companyId, row.currency, row.date, row.rateToSek, row.source, row.by, row.at],
  );
  return saved!;
}

/** Rates newest first, optionally of one currency and within dates (both included). */
export async function listExchangeRates(
  q: Queryable,
  companyId: string,
  filter: { currency?: string; from?: string; to?: string; limit?: number },
): Promise<ExchangeRateRow[]> {
  return q.query<ExchangeRateRow>(
    `select ${COLUMNS} from exchange_rates
      where company_id = $1 and ($2::text is null or currency = $2)
        and ($3::date is null or rate_date >= $3::date) and ($4::date is null or rate_date <= $4::date)
      order by rate_date desc, currency limit $5`,
    [companyId, filter.currency ?? null, filter.from ?? null, filter.to ?? null, filter.limit ?? 1000],
  );
}
