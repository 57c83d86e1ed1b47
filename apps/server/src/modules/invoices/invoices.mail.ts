// The invoice's mails through the notifications module: "here is your invoice" at issue and the
// reminder, each in the invoice's language with the PDF attached. The message stores the invoice
// document as it was when queued, so what went out can be shown again exactly.
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { MailAttachment } from '../notifications/mailer';
import { queueDocumentMail } from '../notifications/notifications.queue';
import type { RenderedMessage } from '../notifications/templates/render';
import { INVOICE_LABELS, type InvoiceDocument, kronor, loadInvoiceDocument } from './invoices.document';
import { renderInvoicePdf } from './invoices.pdf';
import type { InvoiceRow } from './invoices.store';

export type InvoiceMailTemplate = 'invoice_issued' | 'invoice_reminder';

export interface InvoiceMailPayload {
  kind: 'invoice';
  document: InvoiceDocument;
}

export function isInvoiceTemplate(template: string): template is InvoiceMailTemplate {
  return template === 'invoice_issued' || template === 'invoice_reminder';
}

/** Queues the mail in `tx` when the buyer has an e-mail address; one per invoice and reminder. */
export async function queueInvoiceMail(
  tx: Queryable,
  ctx: AppContext,
  invoice: InvoiceRow,
  template: InvoiceMailTemplate,
): Promise<boolean> {
  const to = invoice.buyer.email?.trim();
  if (!to) return false;
  const document = await loadInvoiceDocument(tx, invoice);
  const payload: InvoiceMailPayload = { kind: 'invoice', document };
  const nth = template === 'invoice_reminder' ? `:${invoice.reminderCount}` : '';
  await queueDocumentMail(tx, ctx, {
    to,
    template,
    locale: invoice.locale,
    payload: payload as unknown as Record<string, unknown>,
    dedupeKey: `${template}:${invoice.id}${nth}:email`,
  });
  return true;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Subject, text and HTML of an invoice mail. */
export function renderInvoiceMail(
  template: InvoiceMailTemplate,
  payload: InvoiceMailPayload,
): RenderedMessage {
  const d = payload.document;
  const L = INVOICE_LABELS[d.locale];
  const sv = d.locale === 'sv';
  const money = (amount: number) => kronor(amount, d.currency);
  const isReminder = template === 'invoice_reminder';
  const subject = isReminder
    ? sv
      ? `Påminnelse: faktura ${d.invoiceNumber} från ${d.seller.name}`
      : `Reminder: invoice ${d.invoiceNumber} from ${d.seller.name}`
    : sv
      ? `Faktura ${d.invoiceNumber} från ${d.seller.name}`
      : `Invoice ${d.invoiceNumber} from ${d.seller.name}`;
  const intro = isReminder
    ? sv
      ? `Vi har ännu inte fått betalt för faktura ${d.invoiceNumber}, som förföll ${d.dueDate}. Har du redan betalat kan du bortse från den här påminnelsen.`
      : `We have not yet received payment of invoice ${d.invoiceNumber}, due ${d.dueDate}. If you have already paid, please disregard this reminder.`
    : sv
      ? `Tack för ditt köp! Här är din faktura; den finns också som PDF i bilagan.`
      : 'Thank you for your purchase! Here is your invoice; it is also attached as a PDF.';
  const rows: [string, string][] = [
    [L.number, String(d.invoiceNumber)],
    [L.ocr, d.ocr],
    [L.dueDate, d.dueDate],
    [L.toPay, money(Math.max(d.balance, 0))],
  ];
  if (d.feesAmount > 0) rows.push([L.fees, money(d.feesAmount)]);
  if (d.seller.bankgiro) rows.push([L.bankgiro, d.seller.bankgiro]);
  if (d.seller.iban) rows.push([L.iban, d.seller.iban]);
  if (d.seller.bic) rows.push([L.bic, d.seller.bic]);
  const text = [
    subject,
    '',
    intro,
    '',
    ...rows.map(([l, v]) => `${l}: ${v}`),
    '',
    L.payWithOcr,
    '',
    d.seller.name,
  ].join('\n');
  const html = `<!doctype html><html lang="${d.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:system-ui,sans-serif;color:#222;max-width:600px;margin:0 auto;padding:16px"><h1 style="font-size:22px">${escapeHtml(subject)}</h1><p>${escapeHtml(intro)}</p><table role="presentation" style="border-collapse:collapse">${rows
    .map(
      ([l, v]) =>
        `<tr><td style="padding:4px 12px 4px 0;color:#555">${escapeHtml(l)}</td><td style="padding:4px 0">${escapeHtml(v)}</td></tr>`,
    )
    .join(
      '',
    )}</table><p>${escapeHtml(L.payWithOcr)}</p><p style="color:#777;font-size:12px">${escapeHtml(d.seller.name)}</p></body></html>`;
  return { subject, text, html, inlineImages: [] };
}

/** The invoice PDF, attached to both mails. */
export async function invoiceMailAttachments(payload: InvoiceMailPayload): Promise<MailAttachment[]> {
  const content = await renderInvoicePdf(payload.document);
  const name = payload.document.locale === 'sv' ? 'faktura' : 'invoice';
  return [
    { filename: `${name}-${payload.document.invoiceNumber}.pdf`, contentType: 'application/pdf', content },
  ];
}

/** The invoice payload a queued message stored (typed as an order by the queue). */
export function invoiceMailPayloadOf(stored: unknown): InvoiceMailPayload {
  return stored as InvoiceMailPayload;
}
