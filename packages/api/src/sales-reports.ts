// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
import { z } from 'zod';

export const SALES_GROUP_BY = [
  'day',
  'hour',
  'store',
  'register',
  'channel',
  'salesperson',
  'product',
  'category',
] as const;
export type SalesGroupBy = (typeof SALES_GROUP_BY)[number];

const isoDate = z.iso.date().describe('A day (YYYY-MM-DD) in the store’s time zone; the period includes it');

/** The period and store every report takes; `format=csv` answers a spreadsheet file instead. */
export const ReportQuery = z.strictObject({
  from: isoDate,
  to: isoDate,
  storeId: z.string().min(1).max(100).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type ReportQuery = z.input<typeof ReportQuery>;
/** A report's period (local days, both included) and store (left out: every store one may see). */
export type ReportParams = Omit<ReportQuery, 'format'>;

export const SalesReportQuery = ReportQuery.extend({ groupBy: z.enum(SALES_GROUP_BY).default('day') });
export type SalesReportQuery = z.input<typeof SalesReportQuery>;

const SalesFigures = {
  /** Net sales (sales minus returns) incl. VAT, öre. */
  salesInclVat: z.number().int(),
  salesExclVat: z.number().int(),
  /** Sale receipts plus web orders. */
  receipts: z.number().int(),
  returns: z.number().int(),
  units: z.number().int(),
  /** The part of salesExclVat whose purchase price is known, and the margin on that part. */
  costedExclVat: z.number().int(),
  margin: z.number().int().nullable(),
};

export const SalesReportRow = z.object({ key: z.string(), label: z.string(), ...SalesFigures });
export type SalesReportRow = z.infer<typeof SalesReportRow>;

export const SalesReport = z
  .object({
    groupBy: z.enum(SALES_GROUP_BY),
    from: z.string(),
    to: z.string(),
    storeId: z.string().nullable(),
    rows: z.array(SalesReportRow),
    total: z.object(SalesFigures),
  })
  .meta({ id: 'SalesReport' });
export type SalesReport = z.infer<typeof SalesReport>;

export const PaymentMixRow = z.object({
  channel: z.enum(['store', 'web']),
  method: z.string(),
  /** Net of refunds, öre. */
  amount: z.number().int(),
  count: z.number().int(),
});
export type PaymentMixRow = z.infer<typeof PaymentMixRow>;

export const PaymentMixReport = z
  .object({ rows: z.array(PaymentMixRow), total: z.number().int() })
  .meta({ id: 'PaymentMixReport' });
export type PaymentMixReport = z.infer<typeof PaymentMixReport>;

export const ClickCollectSlotRow = z.object({
  /** The slot's start, ISO; local time is for the client to show. */
  slotStartsAt: z.string(),
  storeId: z.string(),
  orders: z.number().int(),
});

export const ClickCollectReport = z
  .object({
    orders: z.number().int(),
    ready: z.number().int(),
    collected: z.number().int(),
    /** Cancelled after being ready: the shopper never came. */
    notCollected: z.number().int(),
    /** Open now and past their slot's end. */
    overdueNow: z.number().int(),
    /** Placed → ready, minutes; null without ready orders. */
    timeToReadyP50Minutes: z.number().nullable(),
    timeToReadyP90Minutes: z.number().nullable(),
    slots: z.array(ClickCollectSlotRow),
  })
  .meta({ id: 'ClickCollectReport' });
export type ClickCollectReport = z.infer<typeof ClickCollectReport>;
