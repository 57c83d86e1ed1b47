// Files a template's mail carries besides its inline images: a supplier order's PDF packing slip
// (rendered from the order as the supplier sees it: their lines and the delivery address), and an
// invoice mail's invoice PDF (invoices/invoices.mail.ts).
import type { MessageTemplateName, Order } from '@handla/api';
import {
  invoiceMailAttachments,
  invoiceMailPayloadOf,
  isInvoiceTemplate,
} from '../../invoices/invoices.mail';
import { renderSupplierOrderPdf } from '../../returns/drop-ship.pdf';
import type { MailAttachment } from '../mailer';

export async function attachmentsOf(template: MessageTemplateName, order: Order): Promise<MailAttachment[]> {
  if (isInvoiceTemplate(template)) return invoiceMailAttachments(invoiceMailPayloadOf(order));
  if (template !== 'supplier_order') return [];
  const content = await renderSupplierOrderPdf(order);
  return [{ filename: `leveransorder-${order.number}.pdf`, contentType: 'application/pdf', content }];
}
