// The sales-reports area of the typed client: sales per grouping, payment mix, click & collect,
// and links to their CSV files. Types only from the contract file, so browser bundles stay free of zod.
import { queryString, type Transport } from './client';
import type {
  ClickCollectReport,
  PaymentMixReport,
  ReportParams,
  SalesGroupBy,
  SalesReport,
} from './sales-reports';

export function createSalesReportsClient({ request, url }: Transport) {
  const q = (p: ReportParams, extra: Record<string, string> = {}) => queryString({ ...p, ...extra });
  return {
    /** GET /api/reports/sales: net sales, receipts, units and margin per `groupBy`. */
    sales: (p: ReportParams, groupBy: SalesGroupBy) =>
      request<SalesReport>('GET', `/api/reports/sales${q(p, { groupBy })}`),
    paymentMix: (p: ReportParams) => request<PaymentMixReport>('GET', `/api/reports/payment-mix${q(p)}`),
    clickCollect: (p: ReportParams) =>
      request<ClickCollectReport>('GET', `/api/reports/click-collect${q(p)}`),
    /** Link to a report as CSV for Excel (`;`, decimal comma, UTF-8 with BOM). */
    csvUrl: (report: 'sales' | 'payment-mix' | 'click-collect', p: ReportParams, groupBy?: SalesGroupBy) =>
      url(`/api/reports/${report}${q(p, { format: 'csv', ...(groupBy ? { groupBy } : {}) })}`),
  };
}
