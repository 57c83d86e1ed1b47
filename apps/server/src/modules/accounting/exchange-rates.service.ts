// Exchange rates to SEK, entered by hand or by an integration (one row per currency and date; a
// second PUT for the same day replaces it). Nothing fetches them: the Riksbank is not reachable
// from every install, so a job calling its API would PUT them the same way (docs/accounting.md).
import type { ExchangeRateList, ExchangeRateQuery, PutExchangeRateBody } from '@handla/api';
import {
  ExchangeRate as ExchangeRateSchema,
  ForeignCurrency,
  PutExchangeRateBody as PutBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { parseSaftPeriod } from '../register/saft/saft.routes';
import * as accounting from './accounting.store';
import * as store from './exchange-rates.store';

const invalid = (field: string, message: string) =>
  new DomainError('validation_failed', `Check ${field}.`, [{ field, message }]);

function currencyOf(value: string): string {
  const parsed = ForeignCurrency.safeParse(value);
  if (!parsed.success) throw invalid('currency', parsed.error.issues[0]?.message ?? 'Not a currency');
  return parsed.data;
}

function dateOf(value: string, field: string): string {
  try {
    return parseSaftPeriod({ from: value, to: value }).from;
  } catch {
    throw invalid(field, 'Use a real date as YYYY-MM-DD');
  }
}

/** Sets the rate of `currency` on `date`; a rate for a day after today (company time) is refused. */
export async function putExchangeRate(
  ctx: AppContext,
  staffUserId: string,
  params: { currency: string; date: string },
  body: PutExchangeRateBody,
) {
  const currency = currencyOf(params.currency);
  const date = dateOf(params.date, 'date');
  const parsed = PutBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(issue.path.join('.') || 'rateToSek', issue.message);
  }
  const company = await accounting.findStaffCompany(ctx.db, staffUserId);
  const now = ctx.clock();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: company.timeZone }).format(now);
  if (date > today) throw invalid('date', 'A rate is for a day that has begun');
  const saved = await store.upsertExchangeRate(ctx.db, {
    companyId: company.id,
    currency,
    date,
    rateToSek: parsed.data.rateToSek,
    source: parsed.data.source,
    by: staffUserId,
    at: now,
  });
  return ExchangeRateSchema.parse(saved);
}

export async function listExchangeRates(
  ctx: AppContext,
  staffUserId: string,
  query: ExchangeRateQuery,
): Promise<ExchangeRateList> {
  const company = await accounting.findStaffCompany(ctx.db, staffUserId);
  const filter = {
    currency: query.currency === undefined ? undefined : currencyOf(query.currency),
    from: query.from === undefined ? undefined : dateOf(query.from, 'from'),
    to: query.to === undefined ? undefined : dateOf(query.to, 'to'),
    limit: 400,
  };
  return { items: await store.listExchangeRates(ctx.db, company.id, filter) };
}
