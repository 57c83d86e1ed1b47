// An X or Z report (core `DayReport`) as table rows. The contract types the report loosely
// (`DayReportDto`), so the shape is checked once here before anything reads it.
import { ApiError, type DayReportDto } from '@handla/api';
import type { DayReport } from '@handla/core';
import type { MessageKey } from '@handla/ui';

/** One row: what it is, how many (when counted) and the amount in öre. */
export interface ReportRow {
  label: MessageKey;
  vars?: Record<string, string>;
  count?: number;
  amount: number;
}

const METHOD_LABELS: Record<string, MessageKey> = {
  cash: 'registersAdmin.method.cash',
  card_standalone: 'registersAdmin.method.card_standalone',
  card_terminal: 'registersAdmin.method.card_terminal',
  swish: 'registersAdmin.method.swish',
  gift_card: 'registersAdmin.method.gift_card',
  voucher: 'registersAdmin.method.voucher',
  invoice: 'registersAdmin.method.invoice',
};

/** The payment method's label key, or null for a method this screen does not know. */
export function methodLabel(method: string): MessageKey | null {
  return METHOD_LABELS[method] ?? null;
}

function isCounted(v: unknown): v is { count: number; amount: number } {
  const c = v as { count?: unknown; amount?: unknown } | null;
  return typeof c === 'object' && c !== null && typeof c.count === 'number' && typeof c.amount === 'number';
}

/** The report, when the answer has a day report's shape; null otherwise. */
export function asDayReport(dto: DayReportDto): DayReport | null {
  const r = dto as Partial<Record<keyof DayReport, unknown>>;
  const ok =
    (r.kind === 'x' || r.kind === 'z') &&
    typeof r.currency === 'string' &&
    typeof r.createdAt === 'string' &&
    typeof r.fromSequence === 'number' &&
    typeof r.toSequence === 'number' &&
    typeof r.net === 'number' &&
    isCounted(r.sales) &&
    isCounted(r.returns) &&
    isCounted(r.discounts) &&
    isCounted(r.copies) &&
    isCounted(r.training) &&
    Array.isArray(r.vatByRate) &&
    Array.isArray(r.payments) &&
    typeof r.rounding === 'number' &&
    typeof r.expectedCash === 'number' &&
    typeof (r.grandTotals as { net?: unknown } | undefined)?.net === 'number';
  return ok ? (dto as unknown as DayReport) : null;
}

/** The rows a report shows, in the order Skatteverket's X/Z report lists them. */
export function dayReportRows(report: DayReport, formatRate: (vatRateBp: number) => string): ReportRow[] {
  const counted = (label: MessageKey, c: { count: number; amount: number }): ReportRow => ({
    label,
    count: c.count,
    amount: c.amount,
  });
  return [
    counted('registersAdmin.reports.sales', report.sales),
    counted('registersAdmin.reports.returns', report.returns),
    { label: 'registersAdmin.reports.net', amount: report.net },
    ...report.vatByRate.map((v) => ({
      label: 'registersAdmin.reports.vat' as const,
      vars: { rate: formatRate(v.vatRateBp) },
      amount: v.vatAmount,
    })),
    ...report.payments.map((p) => ({
      label: methodLabel(p.method) ?? ('registersAdmin.reports.paymentOther' as const),
      vars: { method: p.method },
      count: p.count,
      amount: p.amount,
    })),
    counted('registersAdmin.reports.discounts', report.discounts),
    { label: 'registersAdmin.reports.rounding', amount: report.rounding },
    counted('registersAdmin.reports.copies', report.copies),
    counted('registersAdmin.reports.training', report.training),
    { label: 'registersAdmin.reports.expectedCash', amount: report.expectedCash },
    { label: 'registersAdmin.reports.grandNet', amount: report.grandTotals.net },
  ];
}

/** The server does not have this route (yet), as opposed to a missing register. */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.problem.code === 'route_not_found';
}
