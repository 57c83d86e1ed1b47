// The supplier's packing slip as an A4 PDF (pdfkit): our order number, the delivery address and
// the lines the supplier ships.
import type { Order } from '@handla/api';
import PDFDocument from 'pdfkit';

/** `subtitle`: the supplier and our supplier-order id, when known. */
export function renderSupplierOrderPdf(order: Order, subtitle = ''): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(`Leveransorder / Supplier order ${order.number}`);
  doc.font('Helvetica').fontSize(10).text(subtitle);
  doc.moveDown();
  if (order.fulfilment.kind === 'delivery') {
    const a = order.fulfilment.address;
    doc.font('Helvetica-Bold').text('Leveransadress / Deliver to');
    doc.font('Helvetica').text(`${a.name}\n${a.street}\n${a.postalCode} ${a.city}\n${a.country}`);
    doc.moveDown();
  }
  doc.font('Helvetica-Bold').text('Antal / Qty   Artikel / SKU   Namn / Name');
  doc.font('Helvetica');
  for (const line of order.lines) {
    const name = line.variantName ? `${line.productName} (${line.variantName})` : line.productName;
    doc.text(`${line.quantity} × ${line.sku}   ${name}`);
  }
  doc.end();
  return done;
}
