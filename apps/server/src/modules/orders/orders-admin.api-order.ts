// Orders placed by integrations and marketplaces (`POST /api/orders`): the checkout's own steps,
// idempotent on (channel, external reference), paid at pickup, on a company's invoice, or already
// on the marketplace (`prepaid_external`).
import { createHash } from 'node:crypto';
import type { AdminOrder, ApiOrderBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { placeWebOrder } from '../../flows/place-web-order';
import { getCustomer } from '../customers/customers.service';
import { canPayByInvoice } from '../invoices/invoices.checkout';
import type { PlaceOrderBody } from './checkout.validate';
import * as orders from './orders.store';
import { adminView } from './orders-admin.service';
import * as admin from './orders-admin.store';

function notInvoiceable(message: string): DomainError {
  return new DomainError('validation_failed', 'This customer cannot be invoiced.', [
    { field: 'payment.customerId', message },
  ]);
}

/** The invoice is the company customer's: it must exist, be a company and be allowed credit. */
async function invoiceCustomerOf(ctx: AppContext, customerId: string): Promise<string> {
  const customer = await getCustomer(ctx, customerId).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'not_found') throw notInvoiceable('Unknown customer');
    throw error;
  });
  if (customer.kind !== 'company') throw notInvoiceable('Only company customers are invoiced by API');
  if (!(await canPayByInvoice(ctx.db, customer.id))) throw notInvoiceable('Not allowed to buy on invoice');
  return customer.id;
}

/**
 * An order from an integration or marketplace, placed through the checkout's own steps. The
 * checkout id is derived from (channel, external reference), so the checkout's idempotency makes
 * the same external order one order even when two requests race; a repeat whose content differs
 * from the first is 409 naming `externalReference`. Invoice orders are the company customer's (the
 * checkout's invoice step issues the invoice); a marketplace's payment must be for our total.
 */
export async function placeApiOrder(
  ctx: AppContext,
  publicUrl: string,
  body: ApiOrderBody,
): Promise<{ order: AdminOrder; isNew: boolean }> {
  const { channel, externalReference, payment, ...checkout } = body;
  const identity = createHash('sha256').update(`${channel}\u0000${externalReference}`).digest('hex');
  const fingerprint = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const checkoutId = `ext_${identity.slice(0, 40)}`;
  // A repeat returns the first order even if the customer may no longer buy on invoice.
  const isRepeat = (await orders.findOrder(ctx.db, { checkoutId })) !== undefined;
  const customerId =
    payment.method === 'invoice' && !isRepeat ? await invoiceCustomerOf(ctx, payment.customerId) : null;
  const placing: PlaceOrderBody = {
    ...checkout,
    payment: payment.method === 'invoice' ? { method: 'invoice' } : payment,
    checkoutId,
  };
  const placed = await placeWebOrder(ctx, { publicUrl, customerId, channel: 'api' }, placing);
  const recorded = await admin.recordExternalReference(ctx.db, placed.order.id, {
    channelName: channel,
    externalReference,
    fingerprint,
  });
  if (recorded !== fingerprint) {
    throw new DomainError(
      'duplicate',
      `Order ${placed.order.number} was placed for ${channel} ${externalReference} with other content.`,
      [{ field: 'externalReference', message: `Already order ${placed.order.number}, with other content` }],
    );
  }
  const row = (await orders.findOrder(ctx.db, { id: placed.order.id }))!;
  return { order: await adminView(ctx.db, row), isNew: placed.isNew };
}
