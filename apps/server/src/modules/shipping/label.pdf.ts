// The shipping label of the built-in carrier: A6 (105 × 148 mm) PDF with sender, receiver, service,
// reference and the tracking number as a Code 128 barcode (bwip-js PNG) and as text.
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import type { BookShipmentRequest, PartyAddress } from './carrier.port';

/** The Code 128 barcode of `text` as a PNG, as printed on the label (tests compare against it). */
export function code128Png(text: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'code128',
    text,
    scale: 3,
    height: 14,
    includetext: false,
    backgroundcolor: 'FFFFFF',
  });
}

const addressLines = (a: PartyAddress) => [a.name, a.street, `${a.postalCode} ${a.city}`, a.country];

/** Renders the label; `at` is the booking time printed on it (and the PDF's creation date). */
export async function renderLabelPdf(
  request: BookShipmentRequest,
  booking: { carrierName: string; trackingNumber: string; at: Date },
): Promise<Buffer> {
  const barcode = await code128Png(booking.trackingNumber);
  const doc = new PDFDocument({
    size: 'A6',
    margin: 16,
    info: { Title: `Label ${booking.trackingNumber}`, CreationDate: booking.at },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 32;
  doc.font('Helvetica-Bold').fontSize(12).text(booking.carrierName, { width });
  doc
    .font('Helvetica')
    .fontSize(8)
    .text(`${request.carrier} · service ${request.serviceCode} · ${booking.at.toISOString().slice(0, 10)}`);
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(7).text('FRÅN / FROM');
  doc.font('Helvetica').fontSize(8).text(addressLines(request.sender).join('\n'));
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(7).text('TILL / TO');
  doc.font('Helvetica-Bold').fontSize(11).text(addressLines(request.receiver).join('\n'));
  const weight = request.parcels.reduce((sum, p) => sum + p.weightGrams, 0);
  doc
    .moveDown(0.5)
    .font('Helvetica')
    .fontSize(8)
    .text(`${request.description} · ${request.parcels.length} kolli · ${(weight / 1000).toFixed(1)} kg`);
  doc.moveDown(0.5);
  doc.image(barcode, { fit: [width, 60], align: 'center' });
  doc
    .moveDown(0.3)
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(booking.trackingNumber, { align: 'center', width });
  doc.end();
  return done;
}
