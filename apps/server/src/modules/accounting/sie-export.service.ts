// The SIE 4 export of a company for a period: one voucher per store per local day from the register
// receipts (series K) and one per day from the web shop's captures and refunds (series W). Every
// voucher is checked to balance before anything is written; the export is logged.
import {
  assertVouchersBalance,
  BAS_DEFAULT_ACCOUNTS,
  buildDayVoucher,
  buildInvoiceDayVoucher,
  type DayFigures,
  DomainError,
  type Voucher,
} from '@handla/core';
import type { AppContext } from '../../context';
import { invoiceDayFigures } from '../invoices/invoices.books';
import { loadAccountMap } from './accounting.service';
import * as store from './accounting.store';
import { registerDayFigures, webDayFigures } from './day-figures';
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
  const { map, names, registerDays, webDays, invoiceDays } = await ctx.db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    return {
      ...(await loadAccountMap(tx, company.id)),
      registerDays: await registerDayFigures(tx, company.id, request.from, request.to),
      webDays: await webDayFigures(tx, company.id, request.from, request.to),
      invoiceDays: await invoiceDayFigures(tx, company.id, request.from, request.to),
    };
  });
  const vouchers = [
    ...numbered('K', registerDays, map),
    ...numbered('W', webDays, map),
    // Series F: sales on account and money in against invoices (invoices/invoices.books.ts).
    ...invoiceDays.map((day, i) => buildInvoiceDayVoucher('F', i + 1, day, map)),
  ];
  assertVouchersBalance(vouchers);

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
    vouchers,
  });
  await store.insertExportLog(ctx.db, {
    id: ctx.newId('sie'),
    companyId: company.id,
    from: request.from,
    to: request.to,
    voucherCount: vouchers.length,
    checksum,
    createdBy: request.staffUserId,
    at: now,
  });
  const period = request.from === request.to ? request.from : `${request.from}_${request.to}`;
  return { fileName: `SIE4_${company.orgNumber}_${period}.se`, bytes, vouchers };
}

const localDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );
