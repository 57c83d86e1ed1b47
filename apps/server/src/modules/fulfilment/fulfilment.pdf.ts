// The warehouse's papers as A4 PDFs (pdfkit): the pick list by shelf, and the packing slip with a
// Code 128 barcode of our order number (bwip-js) that the pack screen scans to open the order.
import type { Address, PickList } from '@handla/api';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';

const MARGIN = 50;

function render(draw: (doc: PDFKit.PDFDocument) => void | Promise<void>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return Promise.resolve(draw(doc)).then(() => {
    doc.end();
    return done;
  });
}

/** One table row: each cell at its x and width; the next row starts below the tallest cell. */
function row(doc: PDFKit.PDFDocument, cells: [string, number, number][], font = 'Helvetica'): void {
  const y = doc.y;
  doc.font(font);
  let height = 0;
  for (const [text, x, width] of cells) {
    height = Math.max(height, doc.heightOfString(text, { width }));
    doc.text(text, x, y, { width });
  }
  doc.x = MARGIN;
  doc.y = y + height + 2;
}

/** The pick list: shelf by shelf, SKU, name, quantity and the order numbers it goes to. */
export function renderPickListPdf(list: PickList, locationName: string): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text(`Plocklista ${list.id}`);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`${locationName} · ${list.createdAt.slice(0, 16).replace('T', ' ')} UTC`);
    doc.text(`Ordrar: ${list.orders.map((o) => o.number).join(', ')}`);
    doc.moveDown();
    for (const shelf of list.shelves) {
      if (doc.y > doc.page.height - 120) doc.addPage();
      doc.font('Helvetica-Bold').fontSize(12).text(`Hylla ${shelf.shelf}`);
      doc.fontSize(9);
      row(
        doc,
        [
          ['Artikel', 50, 90],
          ['Namn', 145, 220],
          ['Antal', 370, 40],
          ['Ordrar', 415, 130],
        ],
        'Helvetica-Bold',
      );
      for (const item of shelf.items) {
        if (doc.y > doc.page.height - 70) doc.addPage();
        row(doc, [
          [item.sku, 50, 90],
          [item.name, 145, 220],
          [String(item.quantity), 370, 40],
          [item.orderNumbers.join(', '), 415, 130],
        ]);
      }
      doc.moveDown(0.5);
    }
  });
}

/** What a packing slip prints. */
export interface PackingSlip {
  orderNumber: number;
  customerName: string;
  customerEmail: string;
  deliveryAddress: Address | null;
  lines: { sku: string; name: string; quantity: number }[];
}

/** Code 128 of the order number as a PNG, for the slip. */
export function orderBarcodePng(orderNumber: number): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text: String(orderNumber),
    scale: 2,
    height: 12,
    includetext: true,
  });
}

function addressLines(address: Address | null): string[] {
  if (!address) return ['—'];
  return [address.name, address.street, `${address.postalCode} ${address.city}`, address.country];
}

/** The packing slip: our order number (text and barcode), customer, delivery address and lines. */
export function renderPackingSlipPdf(slip: PackingSlip, barcode: Buffer): Promise<Buffer> {
  return render((doc) => {
    doc.font('Helvetica-Bold').fontSize(18).text(`Följesedel · Order ${slip.orderNumber}`);
    doc.image(barcode, MARGIN, doc.y + 6, { height: 50 });
    doc.y += 66;
    doc.font('Helvetica-Bold').fontSize(11).text('Kund');
    doc.font('Helvetica').text(slip.customerName).text(slip.customerEmail);
    doc.moveDown(0.5);
    doc.font('Helvetica-Bold').text('Leveransadress');
    doc.font('Helvetica');
    for (const line of addressLines(slip.deliveryAddress)) doc.text(line);
    doc.moveDown();
    doc.fontSize(10);
    row(
      doc,
      [
        ['Artikel', 50, 110],
        ['Namn', 165, 300],
        ['Antal', 470, 60],
      ],
      'Helvetica-Bold',
    );
    for (const line of slip.lines) {
      row(doc, [
        [line.sku, 50, 110],
        [line.name, 165, 300],
        [String(line.quantity), 470, 60],
      ]);
    }
  });
}
