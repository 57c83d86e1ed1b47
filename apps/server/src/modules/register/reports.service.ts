// A register's X and Z reports, recomputed from its journal with the core's `buildDayReport` (the
// device's own figures in the entry are not trusted), their printing, and sales statistics per
// register for the back office.
import type { PrintResult } from '@handla/api';
import {
  buildDayReport,
  buildDayReportDocument,
  type DayReport,
  DomainError,
  type GrandTotals,
  type JournalEntry,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { listStoreRows } from '../stores/stores.store';
import { findSettings, type RegisterRow } from './devices.store';
import { listJournalEntries } from './journal.store';
import { encodeReceiptEscPos } from './printing/escpos';
import { sendToPrinter } from './printing/send-to-printer';
import { findCompany } from './setup.lookups';

const PAGE = 1000;

/** A cash count the register journaled with a report: counted against expected, per currency. */
export interface CashCountLine {
  currency: string;
  counted: number;
  expected: number | null;
  difference: number | null;
}

/** One stored report: where it sits in the journal and its figures. */
export interface StoredReport {
  reportId: string;
  kind: 'x' | 'z';
  /** The Z report's number in the register's series; null on an X report. */
  number: number | null;
  sequence: number;
  at: string;
  cashierId: string | null;
  cashCount: CashCountLine[];
  report: DayReport;
}

interface ReportPayload {
  reportId?: unknown;
  cashierId?: unknown;
  cashCount?: unknown;
}

/**
 * What the drawer should hold per currency: the receipt currency from the report's expected cash,
 * other currencies from their cash movements alone (the register shows the same before counting).
 */
function expectedPerCurrency(report: DayReport): Map<string, number> {
  const expected = new Map([[report.currency, report.expectedCash]]);
  for (const m of report.cashMovements) {
    if (m.currency === report.currency) continue;
    const sign = m.movement === 'float' || m.movement === 'income' ? 1 : -1;
    expected.set(m.currency, (expected.get(m.currency) ?? 0) + sign * m.amount);
  }
  return expected;
}

function cashCountOf(payload: ReportPayload, report: DayReport): CashCountLine[] {
  if (!Array.isArray(payload.cashCount)) return [];
  const expectedIn = expectedPerCurrency(report);
  return payload.cashCount
    .filter(
      (c): c is { currency: string; counted: number } =>
        typeof c?.currency === 'string' && Number.isInteger(c?.counted),
    )
    .map(({ currency, counted }) => {
      const expected = expectedIn.get(currency) ?? null;
      return { currency, counted, expected, difference: expected === null ? null : counted - expected };
    });
}

/** Every X and Z report of the register, oldest first, each over the entries since the Z before it. */
export async function computeRegisterReports(
  q: Queryable,
  registerId: string,
  currency: string,
): Promise<StoredReport[]> {
  const reports: StoredReport[] = [];
  let sinceLastZ: JournalEntry[] = [];
  let grandTotals: GrandTotals | undefined;
  let zNumber = 0;
  for (let after = 0; ; ) {
    const rows = await listJournalEntries(q, registerId, after, PAGE);
    for (const { deviceId: _deviceId, ...entry } of rows) {
      if (entry.kind !== 'report_x' && entry.kind !== 'report_z') {
        sinceLastZ.push(entry as JournalEntry);
        continue;
      }
      // The report covers everything before it since the last Z (earlier X reports included).
      const kind = entry.kind === 'report_z' ? 'z' : 'x';
      const report = buildDayReport({
        kind,
        registerId,
        currency,
        createdAt: entry.at,
        entries: sinceLastZ,
        ...(grandTotals ? { previousGrandTotals: grandTotals } : {}),
      });
      const payload = (entry.payload ?? {}) as ReportPayload;
      if (kind === 'z') zNumber += 1;
      reports.push({
        reportId: typeof payload.reportId === 'string' ? payload.reportId : `seq-${entry.sequence}`,
        kind,
        number: kind === 'z' ? zNumber : null,
        sequence: entry.sequence,
        at: entry.at,
        cashierId: typeof payload.cashierId === 'string' ? payload.cashierId : null,
        cashCount: cashCountOf(payload, report),
        report,
      });
      if (kind === 'z') {
        grandTotals = report.grandTotals;
        sinceLastZ = [];
      } else {
        sinceLastZ.push(entry as JournalEntry);
      }
    }
    if (rows.length < PAGE) return reports;
    after = rows.at(-1)!.sequence;
  }
}

/** The register's reports, newest first, of one kind if given. */
export async function listRegisterReports(
  ctx: AppContext,
  register: RegisterRow,
  kind: 'x' | 'z' | undefined,
): Promise<StoredReport[]> {
  const company = await findCompany(ctx.db, register.companyId);
  const all = await computeRegisterReports(ctx.db, register.id, company.currency);
  return all.filter((r) => !kind || r.kind === kind).reverse();
}

/** One report of the register, or 404 naming `reportId`. */
export async function requireRegisterReport(
  ctx: AppContext,
  register: RegisterRow,
  reportId: string,
): Promise<StoredReport> {
  const found = (await listRegisterReports(ctx, register, undefined)).find((r) => r.reportId === reportId);
  if (!found) {
    throw new DomainError('not_found', `No report ${reportId} on this register.`, [
      { field: 'reportId', message: 'Unknown report' },
    ]);
  }
  return found;
}

/** Prints the report (X-RAPPORT / Z-RAPPORT) on the register's network printer. */
export async function printRegisterReport(
  ctx: AppContext,
  register: RegisterRow,
  stored: StoredReport,
): Promise<PrintResult> {
  const settings = await findSettings(ctx.db, register.id);
  if (!settings.printerHost) {
    throw new DomainError('invalid_state', 'This register has no receipt printer configured.', [
      { field: 'printerHost', message: 'Set it in the register settings' },
    ]);
  }
  const company = await findCompany(ctx.db, register.companyId);
  const shop = (await listStoreRows(ctx.db)).find((s) => s.id === register.storeId);
  const document = buildDayReportDocument(stored.report, {
    company: { name: company.name, organisationNumber: company.orgNumber },
    store: { name: shop?.name ?? register.storeId },
    registerId: register.code,
    ...(stored.number !== null ? { reportNumber: stored.number } : {}),
    timeZone: company.timeZone,
  });
  const bytes = encodeReceiptEscPos(document);
  const printer = { host: settings.printerHost, port: settings.printerPort ?? 9100 };
  await sendToPrinter(bytes, printer);
  return {
    receiptId: stored.reportId,
    copyId: null,
    bytes: bytes.length,
    printer: `${printer.host}:${printer.port}`,
  };
}

/** One register's sales in a period (training receipts kept out), as the back office charts them. */
export interface RegisterSalesFigures {
  registerId: string;
  registerCode: string;
  storeId: string;
  storeName: string;
  sales: number;
  returns: number;
  net: number;
  receipts: number;
}

const zeroFigures = { sales: 0, returns: 0, net: 0, receipts: 0 };

/**
 * Sales, returns, net and receipt count per register from the journal's receipt entries in
 * [from, to), aggregated by the core like a day report; of one store when `storeId` is given.
 */
export async function registerSalesFigures(
  ctx: AppContext,
  period: { from: Date; to: Date },
  storeId: string | null,
): Promise<{ registers: RegisterSalesFigures[]; total: typeof zeroFigures }> {
  const registers = await ctx.db.query<{
    id: string;
    code: string;
    storeId: string;
    storeName: string;
    currency: string;
  }>(
    `select r.id, r.code, r.store_id as "storeId", s.name as "storeName", c.currency
       from registers r join stores s on s.id = r.store_id join companies c on c.id = s.company_id
      where $1::text is null or r.store_id = $1
      order by s.name, r.code`,
    [storeId],
  );
  const figures: RegisterSalesFigures[] = [];
  for (const register of registers) {
    const entries = await ctx.db.query<JournalEntry>(
      `select register_id as "registerId", sequence, kind, at, payload, previous_hash as "previousHash",
              hash, signature
         from register_journal
        where register_id = $1 and kind = 'receipt' and at::timestamptz >= $2 and at::timestamptz < $3
        order by sequence`,
      [register.id, period.from, period.to],
    );
    const report = buildDayReport({
      kind: 'x',
      registerId: register.id,
      currency: register.currency,
      createdAt: period.to.toISOString(),
      entries,
    });
    figures.push({
      registerId: register.id,
      registerCode: register.code,
      storeId: register.storeId,
      storeName: register.storeName,
      sales: report.sales.amount,
      returns: report.returns.amount,
      net: report.net,
      receipts: report.receiptCount,
    });
  }
  const total = figures.reduce(
    (sum, f) => ({
      sales: sum.sales + f.sales,
      returns: sum.returns + f.returns,
      net: sum.net + f.net,
      receipts: sum.receipts + f.receipts,
    }),
    zeroFigures,
  );
  return { registers: figures, total };
}
