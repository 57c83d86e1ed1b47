// `POST /api/erp/inbound`: what the ERP reports back. Today one message, `invoice.paid` — one of
// our invoices was paid into the ERP's books — registered through the invoices module's own
// payment registration with the payment id `erp_<messageId>`, so a message sent again records
// nothing twice. The exact bytes are verified against a connection's secret before parsing (401).
import { ErpInboundMessage, ErpInboundResult } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { isSignedBy } from '../connectors/http-sender';
import { fieldOf } from '../connectors/inbound.routes';
import { registerManualPayment } from '../invoices/invoices.payments';
import * as store from './erp.store';

/** Records the payment the ERP reports; the same `messageId` again changes nothing. */
export async function applyErpInbound(
  ctx: AppContext,
  companyId: string,
  message: ErpInboundMessage,
): Promise<ErpInboundResult> {
  const invoiceId = await store.findInvoiceIdByNumber(ctx.db, companyId, message.invoiceNumber);
  if (!invoiceId) {
    throw new DomainError('not_found', `No invoice number ${message.invoiceNumber}.`, [
      { field: 'invoiceNumber', message: 'Unknown invoice' },
    ]);
  }
  try {
    await registerManualPayment(ctx, { companyId, staffId: null }, invoiceId, {
      amount: message.amount,
      paidOn: message.paidOn,
      paymentId: `erp_${message.messageId}`,
      note: `ERP ${message.messageId}`,
    });
  } catch (error) {
    // The payment id is ours; the ERP knows it as its message id.
    if (error instanceof DomainError && error.code === 'duplicate') {
      throw new DomainError('duplicate', 'This messageId was used for another payment.', [
        { field: 'messageId', message: 'Already used for another payment' },
      ]);
    }
    throw error;
  }
  return { messageId: message.messageId, invoiceId, outcome: 'recorded' };
}

function parse(raw: string): ErpInboundMessage {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new DomainError('invalid_json', 'The body is not valid JSON.');
  }
  const parsed = ErpInboundMessage.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'validation_failed',
      'Check the fields of the message.',
      parsed.error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message })),
    );
  }
  return parsed.data;
}

export function registerErpInboundRoute(app: FastifyInstance, ctx: AppContext): void {
  // Encapsulated: only this route keeps its body as the raw text the signature covers.
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_r, body, done) =>
      done(null, body),
    );
    scope.post('/api/erp/inbound', {
      config: { access: 'public' },
      schema: {
        tags: ['erp'],
        summary:
          "The ERP's report that an invoice was paid (signed per Standard Webhooks with the connection's secret)",
        body: ErpInboundMessage,
        response: { 200: ErpInboundResult },
      },
      // The schema documents the body; it is checked after the signature, by hand.
      validatorCompiler: () => (data) => ({ value: data }),
      handler: async (request) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        const connections = await store.listConnections(ctx.db);
        const connection = connections.find((c) => isSignedBy(c.secret, request.headers, raw));
        if (!connection) throw new DomainError('unauthenticated', 'The signature matches no ERP connection.');
        if (!connection.isEnabled) {
          throw new DomainError('invalid_state', 'The ERP connection is paused.', [
            { field: 'isEnabled', message: 'Connection paused' },
          ]);
        }
        return applyErpInbound(ctx, connection.companyId, parse(raw));
      },
    });
  });
}
