// Shared set-up of the shipping tests: delivery orders placed through the checkout, calls as a
// manager, and readers of what a shipment may change (captures, stock, shipments, messages).
import { inflateSync } from 'node:zlib';
import type { Order } from '@handla/api';
import { PNG } from 'pngjs';
import { CARD, useOrdersHttp } from '../orders/orders.http-harness';

export const ADDRESS = {
  name: 'Bo Berg',
  street: 'Storgatan 2',
  postalCode: '411 01',
  city: 'Göteborg',
  country: 'SE',
};

export function useShipping() {
  const harness = useOrdersHttp();
  const { h, checkoutId, checkout } = harness;

  /** A paid home delivery (PostNord, 59 kr) of `quantities[i]` units of SKU i. */
  const placeDelivery = async (quantities: number[]): Promise<Order> => {
    const res = await checkout({
      checkoutId: checkoutId(),
      locale: 'sv',
      customer: { name: 'Bo Berg', email: 'bo@example.se', phone: '070-765 43 21' },
      lines: quantities.map((quantity, i) => ({
        skuId: h.skus[i]!.id,
        quantity,
        unitPrice: h.skus[i]!.price,
      })),
      fulfilment: { kind: 'delivery', shippingMethodId: 'shm_postnord_home', address: ADDRESS },
      payment: { method: 'card', cardToken: CARD.approve },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().order as Order;
  };

  const asManager = (method: 'GET' | 'POST', url: string, payload?: object) =>
    h.t.app.inject({
      method,
      url: `/api/shipping${url}`,
      headers: { cookie: h.manager },
      ...(payload ? { payload } : {}),
    });

  const ship = (
    orderId: string,
    idempotencyKey: string,
    lines: { orderLineId: string; quantity: number }[],
  ) => asManager('POST', `/orders/${orderId}/shipments`, { idempotencyKey, lines });

  const captures = (paymentId: string) =>
    h.t.ctx.db.query<{ amount: number; key: string; outcome: string }>(
      `select amount, idempotency_key as key, outcome from payment_operations
        where payment_id = $1 and kind = 'capture' order by started_at`,
      [paymentId],
    );

  const payment = async (paymentId: string) =>
    (
      await h.t.ctx.db.query<{ authorized: number; captured: number; status: string }>(
        'select authorized, captured, status from payments where id = $1',
        [paymentId],
      )
    )[0]!;

  const level = async (skuId: string, locationCode = 'CENTRAL') =>
    (
      await h.t.ctx.db.query<{ onHand: number; reserved: number }>(
        `select on_hand as "onHand", reserved from stock_levels where sku_id = $1 and location_id = $2`,
        [skuId, h.loc[locationCode]],
      )
    )[0]!;

  /** Everything a refused shipment could have changed. */
  const state = async (order: Order) => ({
    shipments: (await h.t.ctx.db.query('select id, status from shipments where order_id = $1', [order.id]))
      .length,
    payment: await payment(order.payment.id),
    captures: (await captures(order.payment.id)).length,
    levels: await Promise.all(order.lines.map((l) => level(l.skuId))),
    lines: await h.t.ctx.db.query(
      'select shipped_quantity, cancelled_quantity from order_lines where order_id = $1 order by position',
      [order.id],
    ),
    status: (
      await h.t.ctx.db.query<{ status: string }>('select status from orders where id = $1', [order.id])
    )[0]!.status,
  });

  return { ...harness, placeDelivery, asManager, ship, captures, payment, level, state };
}

/**
 * The RGB pixels of the first RGB image in a PDF made by pdfkit (which embeds a PNG with alpha as
 * its RGB bytes, deflated, plus a soft mask), with its size.
 */
export function firstRgbImageOf(pdf: Buffer): { width: number; height: number; rgb: Buffer } {
  const text = pdf.toString('latin1');
  const dict =
    /<<[^>]*\/Subtype \/Image[^>]*\/Width (\d+)[^>]*\/Height (\d+)[^>]*\/ColorSpace \/DeviceRGB[^>]*\/Length (\d+)[^>]*>>\s*stream\r?\n/.exec(
      text,
    );
  if (!dict) throw new Error('No RGB image in the PDF');
  const start = dict.index + dict[0].length;
  const data = pdf.subarray(start, start + Number(dict[3]));
  return { width: Number(dict[1]), height: Number(dict[2]), rgb: inflateSync(data) };
}

/** The RGB bytes of a PNG (alpha dropped), as pdfkit embeds them. */
export function rgbOfPng(png: Buffer): { width: number; height: number; rgb: Buffer } {
  const image = PNG.sync.read(png);
  const rgb = Buffer.alloc(image.width * image.height * 3);
  for (let i = 0, j = 0; i < image.data.length; i += 4, j += 3) {
    rgb[j] = image.data[i]!;
    rgb[j + 1] = image.data[i + 1]!;
    rgb[j + 2] = image.data[i + 2]!;
  }
  return { width: image.width, height: image.height, rgb };
}

/** The text of every page of a PDF, read back with pdfjs. */
export async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return out.join('\n');
}
