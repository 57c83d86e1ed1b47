// Invoices: the list of unpaid and overdue invoices, one invoice with its payments and PDF, a sale
// on account, payments by hand and from a Bankgirot BgMax file, settings, the register's credit
// pre-check, and the reminder job.
import {
  BankFileImport,
  CreateInvoiceBody,
  Invoice,
  InvoiceCreditCheck,
  InvoiceCreditCheckBody,
  InvoiceCreditRefusal,
  InvoiceList,
  InvoiceListQuery,
  InvoicePayment,
  InvoiceRefund,
  InvoiceRefundBody,
  InvoiceSettings,
  Problem,
  RegisterInvoicePaymentBody,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { problemFor } from '../../http/problem';
import { firstCompanyId } from '../customers/customers.store';
import type { ModuleEnv } from '../module-env';
import { requireDeviceOf, requireRegister } from '../register/device-auth';
import { loadInvoiceDocument } from './invoices.document';
import { creditLimitExceeded } from './invoices.issue';
import { CREDIT_ORDERS_EVERY_MS, creditShrunkOrders } from './invoices.order-credits';
import { importBankFile, registerManualPayment } from './invoices.payments';
import { renderInvoicePdf } from './invoices.pdf';
import { refundOverpayment } from './invoices.refunds';
import { REMIND_EVERY_MS, remindOverdueInvoices } from './invoices.reminders';
import {
  checkInvoiceCredit,
  createManualInvoice,
  getInvoice,
  getInvoiceSettings,
  type InvoiceActor,
  listInvoices,
  loadInvoice,
  saveInvoiceSettings,
} from './invoices.service';
import * as store from './invoices.store';
import { viewPayment } from './invoices.view';

const tags = ['invoices'];
const READ = { staff: MANAGERS, apiKey: 'orders:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'orders:write' } as const;
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
/** A BgMax file of a busy day is well under a megabyte; this leaves room for a month. */
const BANK_FILE_LIMIT = 8 * 1024 * 1024;
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

const sendPdf = (reply: FastifyReply, fileName: string, pdf: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);

async function actorOf(ctx: AppContext, request: FastifyRequest): Promise<InvoiceActor> {
  const p = request.principal;
  if (p?.kind === 'staff') {
    const companyId = await store.staffCompanyId(ctx.db, p.userId);
    if (companyId) return { companyId, staffId: p.userId };
  }
  // An API key acts for the (one) company of this installation.
  return { companyId: await firstCompanyId(ctx.db), staffId: null };
}

export function registerInvoicesRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv): void {
  env.jobs.add({
    name: 'invoices.remind',
    everyMs: REMIND_EVERY_MS,
    run: (now) => remindOverdueInvoices(ctx, now),
  });
  env.jobs.add({
    name: 'invoices.credit-orders',
    everyMs: CREDIT_ORDERS_EVERY_MS,
    run: () => creditShrunkOrders(ctx),
  });

  // Encapsulated: the bank file arrives as bytes (ISO 8859-1), not the UTF-8 string other routes make of text.
  app.register(async (scope) => {
    scope.removeContentTypeParser(['text/plain']);
    scope.addContentTypeParser(
      ['application/octet-stream', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: BANK_FILE_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/invoices', {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Invoices (unpaid by default; overdue, paid, credited, all) with sums over the filter',
        querystring: InvoiceListQuery,
        response: { 200: InvoiceList, ...problems },
      },
      handler: async (request) => listInvoices(ctx, await actorOf(ctx, request), request.query),
    });

    r.get('/api/invoices/settings', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'Seller address, bank details, consumer rule and reminder policy',
        response: { 200: InvoiceSettings, ...problems },
      },
      handler: async (request) => getInvoiceSettings(ctx, await actorOf(ctx, request)),
    });

    r.put('/api/invoices/settings', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'Change the invoice settings',
        body: InvoiceSettings,
        response: { 200: InvoiceSettings, ...problems },
      },
      handler: async (request) => saveInvoiceSettings(ctx, await actorOf(ctx, request), request.body),
    });

    r.get('/api/invoices/unmatched-payments', {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Bank payments that matched no invoice, newest first',
        response: { 200: z.object({ items: z.array(InvoicePayment) }), ...problems },
      },
      handler: async (request) => {
        const actor = await actorOf(ctx, request);
        return { items: (await store.listUnmatchedPayments(ctx.db, actor.companyId)).map(viewPayment) };
      },
    });

    r.post('/api/invoices', {
      config: { access: WRITE },
      schema: {
        tags,
        summary:
          'A sale on account: 409 credit_limit_exceeded (naming creditLimit) beyond the limit; idempotent on saleId',
        body: CreateInvoiceBody,
        response: { 200: Invoice, 201: Invoice, ...problems },
      },
      handler: async (request, reply) => {
        const result = await createManualInvoice(ctx, await actorOf(ctx, request), request.body);
        return reply.status(result.isNew ? 201 : 200).send(result.invoice);
      },
    });

    r.get('/api/invoices/:id', {
      config: { access: READ },
      schema: {
        tags,
        summary: 'One invoice with its payments',
        params: IdParams,
        response: { 200: Invoice, ...problems },
      },
      handler: async (request) => getInvoice(ctx, await actorOf(ctx, request), request.params.id),
    });

    r.get('/api/invoices/:id/pdf', {
      config: { access: READ },
      schema: {
        tags,
        summary: 'The invoice as a PDF (application/pdf)',
        params: IdParams,
        response: { 404: Problem },
      },
      handler: async (request, reply) => {
        const row = await loadInvoice(ctx.db, await actorOf(ctx, request), request.params.id);
        return sendPdf(
          reply,
          `faktura-${row.number}.pdf`,
          await renderInvoicePdf(await loadInvoiceDocument(ctx.db, row)),
        );
      },
    });

    r.post('/api/invoices/:id/payments', {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Register a payment by hand (amount, date); a repeated paymentId records nothing new',
        params: IdParams,
        body: RegisterInvoicePaymentBody,
        response: { 200: Invoice, ...problems },
      },
      handler: async (request) => {
        const actor = await actorOf(ctx, request);
        await registerManualPayment(ctx, actor, request.params.id, request.body);
        return getInvoice(ctx, actor, request.params.id);
      },
    });

    r.post('/api/invoices/:id/refunds', {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Record money paid back of an over-payment; a repeated refundId records nothing new',
        description: '409 naming amount when more than was over-paid; the SIE export books it on its day.',
        params: IdParams,
        body: InvoiceRefundBody,
        response: { 200: InvoiceRefund, ...problems },
      },
      handler: async (request) =>
        refundOverpayment(ctx, await actorOf(ctx, request), request.params.id, request.body),
    });

    r.post('/api/invoices/bank-files', {
      config: { access: WRITE },
      bodyLimit: BANK_FILE_LIMIT,
      schema: {
        tags,
        summary:
          'Import a Bankgirot BgMax file (the body, text/plain): payments matched by OCR, each recorded once',
        description:
          'A bad file is 400 naming the line (`line 8`) and changes nothing; the same file again changes nothing.',
        response: { 200: BankFileImport, ...problems, 413: Problem },
      },
      handler: async (request) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
          throw new DomainError('validation_failed', 'Send the BgMax file as the body.', [
            { field: 'body', message: 'A BgMax file as text/plain' },
          ]);
        }
        return importBankFile(ctx, await actorOf(ctx, request), request.body);
      },
    });

    r.post('/api/registers/:id/invoice-credit-checks', {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Before an invoice payment (online): 200 within the credit limit, else 409 credit_limit_exceeded',
        params: IdParams,
        body: InvoiceCreditCheckBody,
        response: { 200: InvoiceCreditCheck, ...problems, 409: InvoiceCreditRefusal },
      },
      handler: async (request, reply) => {
        const register = await requireRegister(ctx, request.params.id);
        await requireDeviceOf(ctx, request, register.id);
        const check = await checkInvoiceCredit(ctx, request.body.customerId, request.body.amount);
        if (check.isAllowed) return check;
        // The register tells the cashier the limit and what is left, so the numbers ride along.
        const refusal = creditLimitExceeded(check.openBalance, request.body.amount, check.creditLimit);
        return reply
          .status(409)
          .type('application/problem+json')
          .send({
            ...problemFor(refusal.code, refusal.message, refusal.fields),
            creditLimit: check.creditLimit,
            openBalance: check.openBalance,
            headroom: check.headroom,
          });
      },
    });
  });
}
