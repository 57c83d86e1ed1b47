// Commands from the register, receipts and the journal. Device routes declare `access: 'public'`
// for the shared access layer and are guarded per handler by ./device-auth.
import {
  DayReportDto,
  JournalVerification,
  PrintReceiptBody,
  PrintResult,
  Problem,
  ReceiptDetail,
  ReceiptQuery,
  ReceiptSummary,
  RegisterCommandBatch,
  RegisterCommandBatchResult,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import { applyCommandBatch } from './commands.service';
import {
  assertStaffOfStore,
  deviceOf,
  isStaffOfStore,
  requireDeviceOf,
  requireDeviceOrStaff,
  requireRegister,
} from './device-auth';
import { RegisterParams } from './devices.routes';
import { buildXReport, verifyRegisterJournal } from './journal.service';
import { printReceipt } from './print.service';
import {
  getReceiptDetail,
  renderReceiptPage,
  requireReceipt,
  searchRegisterReceipts,
} from './receipts.service';
import type { ReceiptRow } from './receipts.store';
import { findCompany } from './setup.lookups';

const tags = ['register'];
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

/** The receipt, readable by staff of its store or a device of its store. */
export async function readableReceipt(
  ctx: AppContext,
  request: FastifyRequest,
  id: string,
): Promise<ReceiptRow> {
  const device = await deviceOf(ctx, request);
  const receipt = await requireReceipt(ctx.db, id);
  const mayRead = device
    ? device.storeId === receipt.storeId
    : isStaffOfStore(request.principal, receipt.storeId, ALL_STAFF);
  if (!mayRead) {
    if (!device && !request.principal) throw new DomainError('unauthenticated', 'Sign in first.');
    throw new DomainError('forbidden', 'This receipt belongs to another store.');
  }
  return receipt;
}

export function registerReceiptRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/registers/:id/commands', {
    config: { access: 'public' },
    // Offline batches can be large: 200 receipts of up to 500 lines.
    bodyLimit: 16 * 1024 * 1024,
    schema: {
      tags,
      summary:
        'Paired device: apply queued commands in journal order, each exactly once (a repeat returns the first result)',
      params: RegisterParams,
      body: RegisterCommandBatch,
      response: { 200: RegisterCommandBatchResult, ...problems, 409: Problem },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      const device = await requireDeviceOf(ctx, request, register.id);
      return { results: await applyCommandBatch(ctx, register, device, request.body.commands) };
    },
  });

  r.get('/api/registers/:id/receipts', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Search a register’s receipts by text, period and number: its device, or staff of its store',
      params: RegisterParams,
      querystring: ReceiptQuery,
      response: { 200: z.object({ items: z.array(ReceiptSummary) }), ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, ALL_STAFF);
      return searchRegisterReceipts(ctx, register.id, request.query);
    },
  });

  r.get('/api/receipts/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A receipt with lines, payments and its document: a device or staff of its store',
      params: RegisterParams,
      response: { 200: ReceiptDetail, ...problems },
    },
    handler: async (request) => getReceiptDetail(ctx, await readableReceipt(ctx, request, request.params.id)),
  });

  r.get('/api/receipts/:id/receipt.html', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The receipt as HTML ("elektroniskt kassakvitto"): a device or staff of its store',
      params: RegisterParams,
      response: { 200: z.string(), ...problems },
    },
    handler: async (request, reply) => {
      const receipt = await readableReceipt(ctx, request, request.params.id);
      return reply.type('text/html; charset=utf-8').send(await renderReceiptPage(ctx, receipt));
    },
  });

  r.post('/api/receipts/:id/print', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Print on the register’s printer: the original once, then journaled copies by copyId (KOPIA)',
      params: RegisterParams,
      body: PrintReceiptBody,
      response: { 200: PrintResult, ...problems, 409: Problem },
    },
    handler: async (request) => {
      const receipt = await readableReceipt(ctx, request, request.params.id);
      return printReceipt(ctx, receipt, request.body.copyId);
    },
  });

  r.get('/api/registers/:id/reports/x', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'An X report from the journal since the last Z report: its device, or managers of its store',
      params: RegisterParams,
      response: { 200: DayReportDto, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      const company = await findCompany(ctx.db, register.companyId);
      return { ...(await buildXReport(ctx, register.id, company.currency)) };
    },
  });

  r.get('/api/registers/:id/journal/verify', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary:
        'Verify the register’s journal: gapless, chained and signed, or the first broken entry (managers)',
      params: RegisterParams,
      response: { 200: JournalVerification, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      assertStaffOfStore(request.principal, register, MANAGERS);
      return verifyRegisterJournal(ctx, register.id);
    },
  });
}
