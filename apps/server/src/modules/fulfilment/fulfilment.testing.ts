// Shared by the fulfilment tests: paid delivery orders through the real checkout, shelves, and
// the text of a PDF read back with pdfjs-dist.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CheckoutResult } from '@handla/api';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { useOrdersHttp } from '../orders/orders.http-harness';

type Harness = ReturnType<typeof useOrdersHttp>;

export const ADDRESS = {
  name: 'Anna Andersson',
  street: 'Storgatan 1',
  postalCode: '111 22',
  city: 'Stockholm',
  country: 'SE',
};

/** A paid (placed) delivery order from CENTRAL with `lines` as [sku index, quantity]. */
export async function placeDeliveryOrder(harness: Harness, lines: [number, number][]) {
  const { h, pickupBody, checkout } = harness;
  const methods = (await h.t.app.inject({ url: '/api/shipping-methods' })).json() as {
    items: { id: string }[];
  };
  const response = await checkout(
    await pickupBody({
      lines: lines.map(([i, quantity]) => ({ skuId: h.skus[i]!.id, quantity, unitPrice: h.skus[i]!.price })),
      fulfilment: { kind: 'delivery', shippingMethodId: methods.items[0]!.id, address: ADDRESS },
    }),
  );
  if (response.statusCode !== 201) throw new Error(`checkout failed: ${response.body}`);
  return (response.json() as CheckoutResult).order;
}

/** Puts the SKU on `shelf` at the location (null: no shelf). */
export async function setShelf(
  harness: Harness,
  skuIndex: number,
  locationCode: string,
  shelf: string | null,
) {
  const { h } = harness;
  const [skuId, locationId] = [h.skus[skuIndex]!.id, h.loc[locationCode]!];
  await h.t.ctx.db.query('delete from sku_shelves where sku_id = $1 and location_id = $2', [
    skuId,
    locationId,
  ]);
  if (shelf) {
    await h.t.ctx.db.query('insert into sku_shelves (sku_id, location_id, shelf) values ($1, $2, $3)', [
      skuId,
      locationId,
      shelf,
    ]);
  }
}

// pdfjs reads the standard 14 fonts (Helvetica) from its own folder.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

/** Every text item of every page of a PDF, joined by spaces. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const parts: string[] = [];
  for (let page = 1; page <= doc.numPages; page++) {
    const content = await (await doc.getPage(page)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  return parts.join(' ');
}
