// Renders a message from its template and the order snapshot: mail as HTML plus plain text with the
// pickup QR code as an inline PNG (`cid:`), SMS as one short text.
import type { MessageChannel, MessageTemplateName, Order } from '@handla/api';
import QRCode from 'qrcode';
import { invoiceMailPayloadOf, isInvoiceTemplate, renderInvoiceMail } from '../../invoices/invoices.mail';
import { COPY, LABELS, type Place, shipmentOf, type TemplateCopy } from './copy';
import { escapeHtml, type Locale, money, timeWindow, vatRate } from './format';

/** An image the HTML shows through `cid:<cid>`, attached to the mail inline. */
export interface InlineImageFile {
  cid: string;
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What goes out: subject and HTML are null for SMS. */
export interface RenderedMessage {
  subject: string | null;
  text: string;
  html: string | null;
  inlineImages: InlineImageFile[];
}

export interface MessageToRender {
  channel: MessageChannel;
  template: MessageTemplateName;
  locale: Locale;
  order: Order;
}

/** The content id of the QR image: stable, so the stored HTML and the attachment always match. */
export const QR_CID = 'pickup-qr@handla';

function placeOf(order: Order, locale: Locale): Place {
  const f = order.fulfilment;
  if (f.kind === 'delivery') return { where: f.shippingMethod.name, when: '' };
  const s = f.store;
  return {
    where: `${s.name}, ${s.street}, ${s.postalCode} ${s.city}`,
    when: f.asap ? LABELS[locale].asap : timeWindow(f.slotStartsAt, f.slotEndsAt, f.timeZone, locale),
  };
}

/** Label/value rows about where and when, shared by the text and HTML versions. */
function detailRows(order: Order, place: Place, locale: Locale): [string, string][] {
  const L = LABELS[locale];
  const f = order.fulfilment;
  const rows: [string, string][] = [[L.orderNumber, order.number]];
  if (f.kind === 'pickup') {
    rows.push([L.store, place.where], [L.pickupTime, place.when]);
    if (order.pickupCode) rows.push([L.pickupCode, order.pickupCode]);
  } else {
    const a = f.address;
    rows.push(
      [L.deliveryTo, `${a.name}, ${a.street}, ${a.postalCode} ${a.city}`],
      [L.shippingMethod, place.where],
    );
  }
  return rows;
}

/** Lines, then sums, then one VAT row per rate: label/amount pairs. */
function receiptRows(order: Order, locale: Locale): { lines: [string, string][]; sums: [string, string][] } {
  const L = LABELS[locale];
  // A discounted line shows its price before, then each promotion by name (issue 9).
  const lines = order.lines.flatMap((l): [string, string][] => {
    const name = l.variantName ? `${l.productName} (${l.variantName})` : l.productName;
    const discounts = (l.discounts ?? []).map((d): [string, string] => [
      `  ${d.name}`,
      `−${money(d.amount, locale)}`,
    ]);
    const before = { amount: l.unitPrice.amount * l.quantity, currency: l.unitPrice.currency };
    return [
      [`${l.quantity} × ${name}`, money(discounts.length > 0 ? before : l.lineTotal, locale)],
      ...discounts,
    ];
  });
  const sums: [string, string][] = [[L.subtotal, money(order.totals.lines, locale)]];
  if (order.fulfilment.kind === 'delivery') sums.push([L.shipping, money(order.totals.shipping, locale)]);
  sums.push([L.total, money(order.totals.total, locale)]);
  for (const v of order.totals.vat) {
    sums.push([L.vatOf(vatRate(v.rateBp, locale), money(v.totalInclVat, locale)), money(v.vat, locale)]);
  }
  return { lines, sums };
}

function renderText(order: Order, copy: TemplateCopy, place: Place, locale: Locale): string {
  const L = LABELS[locale];
  const out = [copy.heading(order), '', ...copy.intro(order, place).flatMap((p) => [p, ''])];
  for (const [label, value] of detailRows(order, place, locale)) out.push(`${label}: ${value}`);
  if (copy.showLines) {
    const { lines, sums } = receiptRows(order, locale);
    out.push('', ...lines.map(([l, v]) => `${l}  ${v}`), '', ...sums.map(([l, v]) => `${l}: ${v}`));
  }
  out.push('', `${L.viewOrder}: ${order.statusUrl}`, '', L.footer);
  return out.join('\n');
}

const rowHtml = ([label, value]: [string, string], strong = false) =>
  `<tr><td style="padding:4px 12px 4px 0;color:#555">${escapeHtml(label)}</td>` +
  `<td style="padding:4px 0;text-align:right${strong ? ';font-weight:bold' : ''}">${escapeHtml(value)}</td></tr>`;

function renderHtml(order: Order, copy: TemplateCopy, place: Place, locale: Locale, hasQr: boolean): string {
  const L = LABELS[locale];
  const parts = [
    `<h1 style="font-size:22px">${escapeHtml(copy.heading(order))}</h1>`,
    ...copy.intro(order, place).map((p) => `<p>${escapeHtml(p)}</p>`),
    `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${detailRows(
      order,
      place,
      locale,
    )
      .map((r) => rowHtml(r))
      .join('')}</table>`,
  ];
  const parcel = shipmentOf(order);
  if (parcel) {
    const label = locale === 'sv' ? 'Spåra paketet' : 'Track the parcel';
    parts.push(
      `<p><a href="${escapeHtml(parcel.trackingUrl)}">${escapeHtml(label)} ${escapeHtml(parcel.trackingNumber)}</a></p>`,
    );
  }
  if (hasQr) {
    parts.push(`<p><img src="cid:${QR_CID}" width="180" height="180" alt="${escapeHtml(L.qrAlt)}"></p>`);
  }
  if (copy.showLines) {
    const { lines, sums } = receiptRows(order, locale);
    const total = LABELS[locale].total;
    parts.push(
      `<table role="presentation" style="border-collapse:collapse;width:100%;max-width:480px">` +
        `${lines.map((r) => rowHtml(r)).join('')}` +
        `<tr><td colspan="2"><hr style="border:0;border-top:1px solid #ddd"></td></tr>` +
        `${sums.map((r) => rowHtml(r, r[0] === total)).join('')}</table>`,
    );
  }
  parts.push(
    `<p><a href="${escapeHtml(order.statusUrl)}">${escapeHtml(L.viewOrder)}</a></p>`,
    `<p style="color:#777;font-size:12px">${escapeHtml(L.footer)}</p>`,
  );
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(
    copy.subject(order),
  )}</title></head><body style="font-family:system-ui,sans-serif;color:#222;max-width:600px;margin:0 auto;padding:16px">${parts.join(
    '\n',
  )}</body></html>`;
}

/** Renders `message`; pure apart from drawing the QR code. */
export async function renderMessage(message: MessageToRender): Promise<RenderedMessage> {
  const { order, locale, template } = message;
  // Invoice mails carry an invoice document, not an order (invoices/invoices.mail.ts).
  if (isInvoiceTemplate(template)) return renderInvoiceMail(template, invoiceMailPayloadOf(order));
  const copy = COPY[template][locale];
  const place = placeOf(order, locale);
  if (message.channel === 'sms') {
    return { subject: null, text: copy.sms(order, place), html: null, inlineImages: [] };
  }
  const hasQr = copy.showQr && order.fulfilment.kind === 'pickup' && order.pickupCode !== null;
  const inlineImages: InlineImageFile[] = hasQr
    ? [
        {
          cid: QR_CID,
          filename: `order-${order.number}-qr.png`,
          contentType: 'image/png',
          content: await QRCode.toBuffer(order.pickupCode!, { type: 'png', margin: 2, scale: 6 }),
        },
      ]
    : [];
  return {
    subject: copy.subject(order),
    text: renderText(order, copy, place, locale),
    html: renderHtml(order, copy, place, locale, hasQr),
    inlineImages,
  };
}
