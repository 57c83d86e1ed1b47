// The SIE 4 export of a company for a period: one voucher per store per local day from the register
// receipts (series K), one per day and currency from the web shop's captures and refunds (series W,
// converted to kronor at the day's rate) and one per day for invoices (series F). Every voucher is
// checked to balance, before and after conversion, before anything is written; the export is logged.
import {
  type AccountMap,
  assertVouchersBalance,
  BAS_DEFAULT_ACCOUNTS,
  buildDayVoucher,
  buildInvoiceBooksVoucher,
  convertVoucher,
  type DayFigures,
  DomainError,
  findExchangeRate,
  MAX_RATE_AGE_DAYS,
  missingExchangeRate,
  type Voucher,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { invoiceDayFigures } from '../invoices/invoices.books';
import { loadAccountMap } from './accounting.service';
import * as store from './accounting.store';
import { registerDayFigures, type WebDayFigures, webDayFiguresByCurrency } from './day-figures';
import { listExchangeRates } from './exchange-rates.store';
import { writeSie } from './sie/write';

export interface SieExportRequest {
  staffUserId: string;
  /** Local dates (the company's time zone), both included, within one calendar year. */
  from: string;
  to: string;
  programVersion: string;
}

const numbered = (
  series: string,
  days: readonly DayFigures[],
  accounts: Parameters<typeof buildDayVoucher>[3],
) => days.map((day, i) => buildDayVoucher(series, i + 1, day, accounts));

/** Builds the file; throws `unbalanced_voucher` (nothing logged) when any voucher does not balance. */
export async function exportSie(
  ctx: AppContext,
  request: SieExportRequest,
): Promise<{ fileName: string; bytes: Buffer; vouchers: readonly Voucher[] }> {
  const company = await store.findStaffCompany(ctx.db, request.staffUserId);
  if (request.from.slice(0, 4) !== request.to.slice(0, 4)) {
    throw new DomainError('validation_failed', 'A SIE file covers one fiscal year.', [
      { field: 'to', message: 'Must be in the same calendar year as from' },
    ]);
  }
  // One snapshot for every sum: a receipt committed between two of the reads would otherwise be
  // in the payments and not the sales, and a day being traded would not balance.
  const { map, names, registerDays, webDays, invoiceDays, rates } = await ctx.db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    return {
      ...(await loadAccountMap(tx, company.id)),
      registerDays: await registerDayFigures(tx, company.id, request.from, request.to),
      webDays: await webDayFiguresByCurrency(tx, company.id, request.from, request.to),
      invoiceDays: await invoiceDayFigures(tx, company.id, request.from, request.to),
      rates: await ratesFor(tx, company.id, request.from, request.to),
    };
  });
  const registerVouchers = numbered('K', registerDays, map);
  const webVouchers = numbered('W', webDays, map);
  // Series F: sales on account, money in, reminder fees and over-payments (invoices/invoices.books.ts).
  const invoiceVouchers = invoiceDays.map((day, i) => buildInvoiceBooksVoucher('F', i + 1, day, map));
  // Checked in the sale's own currency first: converting adds a rounding row that would hide a
  // voucher that never balanced.
  assertVouchersBalance([...registerVouchers, ...webVouchers, ...invoiceVouchers]);
  const inKronor = [
    ...registerVouchers,
    ...webVouchers.map((v, i) => inSek(v, webDays[i]!, company.currency, rates, map)),
    ...invoiceVouchers,
  ];
  assertVouchersBalance(inKronor);

  const accountNames = new Map<string, string>();
  for (const def of Object.values(BAS_DEFAULT_ACCOUNTS)) accountNames.set(def.account, def.name);
  for (const [account, name] of names) accountNames.set(account, name);
  const now = ctx.clock();
  const year = request.from.slice(0, 4);
  const { bytes, checksum } = writeSie({
    programName: 'Handla',
    programVersion: request.programVersion,
    generatedOn: localDate(now, company.timeZone),
    companyName: company.name,
    orgNumber: company.orgNumber,
    fiscalYear: { start: `${year}-01-01`, end: `${year}-12-31` },
    accountNames,
    vouchers: inKronor,
  });
  await store.insertExportLog(ctx.db, {
    id: ctx.newId('sie'),
    companyId: company.id,
    from: request.from,
    to: request.to,
    voucherCount: inKronor.length,
    checksum,
    createdBy: request.staffUserId,
    at: now,
  });
  const period = request.from === request.to ? request.from : `${request.from}_${request.to}`;
  return { fileName: `SIE4_${company.orgNumber}_${period}.se`, bytes, vouchers: inKronor };
}

/** Every rate that a day of the period may use (the period and the days before it). */
async function ratesFor(q: Queryable, companyId: string, from: string, to: string) {
  const earliest = new Date(Date.parse(`${from}T00:00:00Z`) - MAX_RATE_AGE_DAYS * 86_400_000);
  return listExchangeRates(q, companyId, { from: earliest.toISOString().slice(0, 10), to, limit: 100_000 });
}

/** A web voucher in kronor: as it is when in the company's currency, else converted at the day's rate. */
function inSek(
  voucher: Voucher,
  day: WebDayFigures,
  companyCurrency: string,
  rates: Parameters<typeof findExchangeRate>[0],
  map: AccountMap,
): Voucher {
  if (day.currency === companyCurrency) return voucher;
  const rate = findExchangeRate(rates, day.currency, day.date);
  if (!rate) throw missingExchangeRate(day.currency, day.date);
  return convertVoucher(voucher, rate, map);
}

const localDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
