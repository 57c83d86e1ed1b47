// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
// Managers see their own store, owners every store, API keys need `reports:read`. `format=csv`
// answers a spreadsheet file (see sales-reports.service.ts) instead of JSON.
import {
  ClickCollectReport,
  PaymentMixReport,
  Problem,
  ReportQuery,
  SalesReport,
  SalesReportQuery,
} from '@handla/api';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import {
  clickCollectCsv,
  clickCollectReport,
  csvFileName,
  paymentMixCsv,
  paymentMixReport,
  resolveScope,
  salesCsv,
  salesReport,
} from './sales-reports.service';

const tags = ['reports'];
const access = { staff: MANAGERS, apiKey: 'reports:read' as const };
const problems = { 400: Problem, 401: Problem, 403: Problem };
const description = 'format=csv answers text/csv (";", decimal comma, UTF-8 with BOM: Excel opens it).';

// A Buffer is sent as is, past the JSON response schema.
const sendCsv = (reply: FastifyReply, fileName: string, csv: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(Buffer.from(csv, 'utf8'));

export function registerSalesReportRoutes(app: FastifyInstance, ctx: AppContext, _env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/reports/sales', {
    config: { access },
    schema: {
      tags,
      summary:
        'Net sales incl./excl. VAT, receipts and orders, units and margin per day, hour, store, register, channel, salesperson, product or category',
      description,
      querystring: SalesReportQuery,
      response: { 200: SalesReport, ...problems },
    },
    handler: async (request, reply) => {
      const scope = await resolveScope(ctx, request.principal, request.query);
      const report = await salesReport(ctx, scope, request.query);
      if (request.query.format === 'csv') {
        return sendCsv(reply, csvFileName(`sales-${request.query.groupBy}`, request.query), salesCsv(report));
      }
      return report;
    },
  });

  r.get('/api/reports/payment-mix', {
    config: { access },
    schema: {
      tags,
      summary: 'Payments per method and channel, net of refunds (training receipts left out)',
      description,
      querystring: ReportQuery,
      response: { 200: PaymentMixReport, ...problems },
    },
    handler: async (request, reply) => {
      const scope = await resolveScope(ctx, request.principal, request.query);
      const report = await paymentMixReport(ctx, scope);
      if (request.query.format === 'csv') {
        return sendCsv(reply, csvFileName('payment-mix', request.query), paymentMixCsv(report));
      }
      return report;
    },
  });

  r.get('/api/reports/click-collect', {
    config: { access },
    schema: {
      tags,
      summary:
        'Click & collect: orders per slot, placed → ready p50/p90, not collected (cancelled after ready), overdue now',
      description,
      querystring: ReportQuery,
      response: { 200: ClickCollectReport, ...problems },
    },
    handler: async (request, reply) => {
      const scope = await resolveScope(ctx, request.principal, request.query);
      const report = await clickCollectReport(ctx, scope);
      if (request.query.format === 'csv') {
        return sendCsv(reply, csvFileName('click-collect', request.query), clickCollectCsv(report));
      }
      return report;
    },
  });
}
