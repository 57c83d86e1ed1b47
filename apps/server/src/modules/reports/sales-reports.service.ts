// Sales reports for the back office and integrations: who may see which store, the period as
// local days, the figures (margins only on sales with a known purchase price), and CSV files.
import type {
  ClickCollectReport,
  PaymentMixReport,
  ReportQuery,
  SalesGroupBy,
  SalesReport,
  SalesReportRow,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import type { Principal } from '../../http/access';
import { formatCsvAmount, toCsv } from '../csv/csv-format';
import {
  countOverduePickups,
  findReportTimeZone,
  labelsFor,
  listPickupOrders,
  periodBounds,
  type ReportScope,
  type SalesSums,
  storeExists,
  sumPayments,
  sumSalesByProduct,
  sumSalesByTime,
} from './sales-reports.store';

/** A report's parsed query: local days [from, to] and an optional store. */
export interface ReportInput {
  from: string;
  to: string;
  storeId?: string | undefined;
}

const fieldError = (field: string, message: string) =>
  new DomainError('validation_failed', message, [{ field, message }]);

/**
 * The scope a caller may see: a manager only their own store (asking for another is refused),
 * owners and API keys with `reports:read` any store or all.
 */
export async function resolveScope(
  ctx: AppContext,
  principal: Principal | null,
  input: ReportInput,
): Promise<ReportScope> {
  if (input.to < input.from) throw fieldError('to', 'Must be on or after from');
  let storeId = input.storeId ?? null;
  if (principal?.kind === 'staff' && principal.role !== 'owner') {
    if (storeId !== null && storeId !== principal.storeId) {
      throw new DomainError('forbidden', 'Managers see the reports of their own store only.');
    }
    storeId = principal.storeId;
    if (storeId === null) throw new DomainError('forbidden', 'You belong to no store.');
  }
  if (storeId !== null && !(await storeExists(ctx.db, storeId))) throw fieldError('storeId', 'No such store');
  const tz = await findReportTimeZone(ctx.db, storeId);
  const [start, end] = await periodBounds(ctx.db, input.from, input.to, tz);
  if (end.getTime() - start.getTime() > 400 * 86_400_000) throw fieldError('to', 'At most 400 days');
  return { start, end, storeId };
}

const FIXED_LABELS: Record<string, string> = { web: 'Webb', store: 'Butik', none: 'Utan kategori' };

function withMargin(s: Omit<SalesSums, 'key'>) {
  return {
    salesInclVat: s.salesInclVat,
    salesExclVat: s.salesExclVat,
    receipts: s.receipts,
    returns: s.returns,
    units: s.units,
    costedExclVat: s.costedExclVat,
    margin: s.costedExclVat === 0 && s.cost === 0 ? null : s.costedExclVat - s.cost,
  };
}

function totalOf(rows: readonly SalesSums[]): Omit<SalesSums, 'key'> {
  const total = {
    salesInclVat: 0,
    salesExclVat: 0,
    receipts: 0,
    returns: 0,
    units: 0,
    costedExclVat: 0,
    cost: 0,
  };
  for (const r of rows) {
    for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  }
  return total;
}

export async function salesReport(
  ctx: AppContext,
  scope: ReportScope,
  input: ReportInput & { groupBy: SalesGroupBy },
): Promise<SalesReport> {
  const { groupBy } = input;
  const sums =
    groupBy === 'product' || groupBy === 'category'
      ? await sumSalesByProduct(ctx.db, groupBy, scope)
      : await sumSalesByTime(ctx.db, groupBy, scope);
  const labels = await labelsFor(
    ctx.db,
    groupBy,
    sums.map((s) => s.key),
  );
  const rows: SalesReportRow[] = sums.map((s) => ({
    key: s.key,
    label: labels.get(s.key) ?? FIXED_LABELS[s.key] ?? (groupBy === 'hour' ? `${s.key}:00` : s.key),
    ...withMargin(s),
  }));
  return {
    groupBy,
    from: input.from,
    to: input.to,
    storeId: scope.storeId,
    rows,
    total: withMargin(totalOf(sums)),
  };
}

export async function paymentMixReport(ctx: AppContext, scope: ReportScope): Promise<PaymentMixReport> {
  const rows = await sumPayments(ctx.db, scope);
  return { rows, total: rows.reduce((sum, r) => sum + r.amount, 0) };
}

/** The nearest-rank percentile of sorted values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

export async function clickCollectReport(ctx: AppContext, scope: ReportScope): Promise<ClickCollectReport> {
  const orders = await listPickupOrders(ctx.db, scope);
  const minutesToReady = orders
    .filter((o) => o.placedAt && o.readyAt)
    .map((o) => Math.round((o.readyAt!.getTime() - o.placedAt!.getTime()) / 60_000))
    .sort((a, b) => a - b);
  const perSlot = new Map<string, { slotStartsAt: string; storeId: string; orders: number }>();
  for (const o of orders) {
    const slotStartsAt = o.slotStartsAt.toISOString();
    const key = `${o.storeId} ${slotStartsAt}`;
    const slot = perSlot.get(key) ?? { slotStartsAt, storeId: o.storeId, orders: 0 };
    slot.orders += 1;
    perSlot.set(key, slot);
  }
  return {
    orders: orders.length,
    ready: orders.filter((o) => o.readyAt !== null).length,
    collected: orders.filter((o) => o.status === 'collected').length,
    notCollected: orders.filter((o) => o.status === 'cancelled' && o.readyAt !== null).length,
    overdueNow: await countOverduePickups(ctx.db, scope.storeId, ctx.clock()),
    timeToReadyP50Minutes: percentile(minutesToReady, 50),
    timeToReadyP90Minutes: percentile(minutesToReady, 90),
    slots: [...perSlot.values()].sort(
      (a, b) => a.slotStartsAt.localeCompare(b.slotStartsAt) || a.storeId.localeCompare(b.storeId),
    ),
  };
}

// ---- CSV (sv-SE: `;`, decimal comma, UTF-8 with BOM; see csv-format.ts) ----

const amount = (ore: number | null) => (ore === null ? '' : formatCsvAmount(ore));

export function salesCsv(report: SalesReport): string {
  return toCsv(
    [
      'Nyckel',
      'Namn',
      'Försäljning inkl. moms',
      'Försäljning exkl. moms',
      'Kvitton/ordrar',
      'Returer',
      'Antal',
      'Exkl. moms med känt inköpspris',
      'Marginal',
    ],
    [...report.rows, { key: 'total', label: 'Totalt', ...report.total }].map((r) => [
      r.key,
      r.label,
      amount(r.salesInclVat),
      amount(r.salesExclVat),
      r.receipts,
      r.returns,
      r.units,
      amount(r.costedExclVat),
      amount(r.margin),
    ]),
  );
}

export function paymentMixCsv(report: PaymentMixReport): string {
  return toCsv(
    ['Kanal', 'Betalsätt', 'Belopp', 'Antal'],
    report.rows.map((r) => [r.channel === 'web' ? 'Webb' : 'Butik', r.method, amount(r.amount), r.count]),
  );
}

export function clickCollectCsv(report: ClickCollectReport): string {
  return toCsv(
    ['Butik', 'Tid (start)', 'Ordrar'],
    report.slots.map((s) => [s.storeId, s.slotStartsAt, s.orders]),
  );
}

/** The file name of an export: `sales-day_2026-03-01_2026-03-31.csv`. */
export const csvFileName = (name: string, q: Pick<ReportQuery, 'from' | 'to'>) =>
  `${name}_${q.from}_${q.to}.csv`.replace(/[^\w.-]/g, '_');
