// The invoice as an A4 PDF (pdfkit, our papers' style: Helvetica, one table): seller with org and
// VAT numbers and address, bank details, buyer, invoice and OCR numbers, dates, lines, VAT per rate
// and the amount to pay.
import PDFDocument from 'pdfkit';
import { INVOICE_LABELS, type InvoiceDocument, kronor, vatPercent } from './invoices.document';

const MARGIN = 50;
const RIGHT = 545;

function cells(doc: PDFKit.PDFDocument, columns: [string, number, number, 'left' | 'right'][], bold = false) {
  const y = doc.y;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
  let height = 0;
  for (const [text, x, width, align] of columns) {
    height = Math.max(height, doc.heightOfString(text, { width }));
    doc.text(text, x, y, { width, align });
  }
  doc.x = MARGIN;
  doc.y = y + height + 3;
}

/** A label and an amount at the right edge. */
function sumRow(doc: PDFKit.PDFDocument, label: string, value: string, bold = false) {
  cells(
    doc,
    [
      [label, 300, 160, 'right'],
      [value, 465, RIGHT - 465, 'right'],
    ],
    bold,
  );
}

export function renderInvoicePdf(d: InvoiceDocument): Promise<Buffer> {
  const L = INVOICE_LABELS[d.locale];
  const money = (amount: number) => kronor(amount, d.currency);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${L.invoice} ${d.invoiceNumber}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Seller, top left; the invoice's numbers and dates, top right.
  const s = d.seller;
  doc.font('Helvetica-Bold').fontSize(14).text(s.name, MARGIN, MARGIN, { width: 260 });
  doc.font('Helvetica').fontSize(9);
  for (const line of [s.street, [s.postalCode, s.city].filter(Boolean).join(' '), s.email]) {
    if (line) doc.text(line, { width: 260 });
  }
  doc.text(`${L.orgNumber} ${s.orgNumber}`).text(`${L.vatNumber} ${s.vatNumber}`);
  const heading = d.reminderCount > 0 ? `${L.reminder} – ${L.invoice.toLowerCase()}` : L.invoice;
  doc
    .font('Helvetica-Bold')
    .fontSize(20)
    .text(heading.toUpperCase(), 330, MARGIN, { width: 215, align: 'right' });
  doc.fontSize(9);
  doc.y = MARGIN + 30;
  for (const [label, value] of [
    [L.number, String(d.invoiceNumber)],
    [L.ocr, d.ocr],
    [L.issueDate, d.issueDate],
    [L.dueDate, d.dueDate],
  ] as const) {
    cells(doc, [
      [label, 330, 100, 'left'],
      [value, 430, RIGHT - 430, 'right'],
    ]);
  }

  // Buyer.
  doc.y = Math.max(doc.y, 150) + 10;
  const b = d.buyer;
  doc.font('Helvetica-Bold').fontSize(9).text(L.buyer, 330);
  doc.font('Helvetica').fontSize(10);
  const a = b.address;
  for (const line of [a?.name ?? b.name, a?.street, a ? `${a.postalCode} ${a.city}` : null]) {
    if (line) doc.text(line, 330);
  }
  if (b.orgNumber) doc.text(`${L.orgNumber} ${b.orgNumber}`, 330);
  doc.x = MARGIN;
  doc.moveDown(2);

  // Lines.
  doc.fontSize(9);
  const columns = (
    desc: string,
    qty: string,
    unit: string,
    amount: string,
  ): [string, number, number, 'left' | 'right'][] => [
    [desc, MARGIN, 270, 'left'],
    [qty, 325, 45, 'right'],
    [unit, 375, 80, 'right'],
    [amount, 460, RIGHT - 460, 'right'],
  ];
  cells(doc, columns(L.description, L.quantity, L.unitPrice, L.amount), true);
  doc.moveTo(MARGIN, doc.y).lineTo(RIGHT, doc.y).stroke();
  doc.y += 3;
  for (const line of d.lines) {
    if (doc.y > doc.page.height - 220) doc.addPage();
    cells(
      doc,
      columns(
        `${line.description} (${vatPercent(line.vatRateBp)})`,
        String(line.quantity),
        money(line.unitPriceInclVat),
        money(line.amountInclVat),
      ),
    );
  }
  doc.moveTo(MARGIN, doc.y).lineTo(RIGHT, doc.y).stroke();
  doc.y += 4;

  // Sums, VAT per rate and what is left to pay.
  sumRow(doc, L.total, money(d.totalInclVat), true);
  for (const v of d.vat)
    sumRow(doc, L.vatOf(vatPercent(v.vatRateBp), money(v.grossAmount)), money(v.vatAmount));
  if (d.feesAmount > 0) sumRow(doc, L.fees, money(d.feesAmount));
  if (d.paidAmount > 0) sumRow(doc, L.paid, money(-d.paidAmount));
  if (d.creditedAmount > 0) sumRow(doc, L.credited, money(-d.creditedAmount));
  doc.moveDown(0.5);
  doc.fontSize(12);
  sumRow(doc, L.toPay, money(Math.max(d.balance, 0)), true);

  // Payment slip: where to pay and the reference to give.
  doc.fontSize(10);
  doc.y = Math.max(doc.y + 30, doc.page.height - 190);
  doc.moveTo(MARGIN, doc.y).lineTo(RIGHT, doc.y).dash(3, { space: 3 }).stroke().undash();
  doc.y += 10;
  doc.font('Helvetica-Bold').text(L.payTo, MARGIN);
  doc.font('Helvetica');
  const bank: [string, string | null][] = [
    [L.bankgiro, s.bankgiro],
    [L.iban, s.iban],
    [L.bic, s.bic],
    [L.ocr, d.ocr],
    [L.dueDate, d.dueDate],
    [L.toPay, money(Math.max(d.balance, 0))],
  ];
  for (const [label, value] of bank) {
    if (value)
      cells(doc, [
        [label, MARGIN, 120, 'left'],
        [value, 175, 250, 'left'],
      ]);
  }
  doc.moveDown(0.5).fontSize(8).text(L.payWithOcr, MARGIN);
  doc.end();
  return done;
}
