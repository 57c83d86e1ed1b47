// A register's stored X and Z reports (recomputed from the journal), their printing, and sales per
// register for the back office. Register routes declare `access: 'public'` for the shared access
// layer and are guarded per handler by ./device-auth, like the rest of this module.
import { DayReportDto, PrintResult, Problem } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { requireDeviceOrStaff, requireRegister } from './device-auth';
import { RegisterParams } from './devices.routes';
import {
  listRegisterReports,
  printRegisterReport,
  registerSalesFigures,
  requireRegisterReport,
  type StoredReport,
} from './reports.service';

const tags = ['register'];
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

const StoredReportDto = z
  .object({
    reportId: z.string(),
    kind: z.enum(['x', 'z']),
    number: z.number().int().nullable(),
    sequence: z.number().int(),
    at: z.string(),
    cashierId: z.string().nullable(),
    cashCount: z.array(
      z.object({
        currency: z.string(),
        counted: z.number().int(),
        expected: z.number().int().nullable(),
        difference: z.number().int().nullable(),
      }),
    ),
    report: DayReportDto,
  })
  .meta({ id: 'StoredRegisterReport' });

const ReportParams = z.strictObject({ id: z.string().min(1), reportId: z.string().min(1).max(100) });
const ReportListQuery = z.strictObject({ kind: z.enum(['x', 'z']).optional() });
const SalesQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
});

const Figures = {
  sales: z.number().int(),
  returns: z.number().int(),
  net: z.number().int(),
  receipts: z.number().int(),
};
const RegisterSalesReport = z
  .object({
    registers: z.array(
      z.object({
        registerId: z.string(),
        registerCode: z.string(),
        storeId: z.string(),
        storeName: z.string(),
        ...Figures,
      }),
    ),
    total: z.object(Figures),
  })
  .meta({ id: 'RegisterSalesReport' });

// The figures as plain JSON (the contract keeps `DayReport` an open record).
const toDto = (stored: StoredReport) => ({ ...stored, report: { ...stored.report } });

export function registerReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/registers/:id/reports', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'The register’s X and Z reports from its journal, newest first: its device, or managers of its store',
      params: RegisterParams,
      querystring: ReportListQuery,
      response: { 200: z.object({ items: z.array(StoredReportDto) }), ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      return { items: (await listRegisterReports(ctx, register, request.query.kind)).map(toDto) };
    },
  });

  r.get('/api/registers/:id/reports/:reportId', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'One X or Z report with its figures: the register’s device, or managers of its store',
      params: ReportParams,
      response: { 200: StoredReportDto, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      return toDto(await requireRegisterReport(ctx, register, request.params.reportId));
    },
  });

  r.post('/api/registers/:id/reports/:reportId/print', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Print an X or Z report on the register’s printer: its device, or managers of its store',
      params: ReportParams,
      response: { 200: PrintResult, ...problems, 409: Problem },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      const stored = await requireRegisterReport(ctx, register, request.params.reportId);
      return printRegisterReport(ctx, register, stored);
    },
  });

  r.get('/api/reports/registers', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary:
        'Sales, returns, net and receipts per register and in total for [from, to) (managers: their store; owners: all)',
      querystring: SalesQuery,
      response: { 200: RegisterSalesReport, ...problems },
    },
    handler: async (request) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (to <= from) {
        throw new DomainError('validation_failed', 'The period ends before it starts.', [
          { field: 'to', message: 'Must be after from' },
        ]);
      }
      const principal = request.principal;
      const storeId = principal?.kind === 'staff' && principal.role !== 'owner' ? principal.storeId : null;
      return registerSalesFigures(ctx, { from, to }, storeId);
    },
  });
}
