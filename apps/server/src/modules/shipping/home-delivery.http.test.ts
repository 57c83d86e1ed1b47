// The home-delivery story of issue 8 end to end through the API (the browser spec is still to come):
// three items ordered, released at the warehouse's next batch time, the first shipment with two of
// them — its label's text holds the tracking number and its barcode, decoded from the bars, says
// it — capturing exactly those lines; the mail carries the tracking link; the third ships later
// with a second capture; one item comes back and is refunded; the payment history adds up to the öre.
import type { Order, ReturnRequest, Shipment } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../notifications/templates/render';
import { send } from '../register/register.testing';
import { decodeCode128 } from './code128.testing';
import { firstRgbImageOf, pdfText, useShipping } from './shipping.testing';

const { h, placeDelivery, ship } = useShipping();
const SHIPPING_FEE = 5900;

const asManager = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  send(h.t, { cookie: h.manager }, method, url, payload);

describe('home delivery, end to end', () => {
  it('releases, ships in two parcels with a capture each, returns one item, and adds up to the öre', async () => {
    const settings = await asManager('PUT', `/api/fulfilment/locations/${h.loc.CENTRAL}/settings`, {
      mode: 'batches',
      batchTimes: ['08:30'],
      version: (await asManager('GET', `/api/fulfilment/locations/${h.loc.CENTRAL}/settings`)).json().version,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    const order = await placeDelivery([1, 1, 1]);
    const [a, b, c] = order.lines as [Order['lines'][0], Order['lines'][0], Order['lines'][0]];

    // Released at the next batch time (08:30 in Stockholm), not before.
    expect(await h.t.app.jobs.runOnce('fulfilment.release')).toEqual({ 'fulfilment.release': 0 });
    const start = h.now;
    h.now = new Date('2026-12-01T07:31:00Z');
    try {
      expect((await h.t.app.jobs.runOnce('fulfilment.release'))['fulfilment.release']).toBeGreaterThanOrEqual(
        1,
      );
      const [row] = await h.t.ctx.db.query<{ status: string }>('select status from orders where id = $1', [
        order.id,
      ]);
      expect(row!.status).toBe('picking');

      // The warehouse has only two: the first parcel.
      const first = await ship(order.id, 'home-ship-0001', [
        { orderLineId: a.id, quantity: 1 },
        { orderLineId: b.id, quantity: 1 },
      ]);
      expect(first.statusCode, first.body).toBe(201);
      const s1 = first.json() as Shipment;
      expect(s1.amount.amount).toBe(a.lineTotal.amount + b.lineTotal.amount + SHIPPING_FEE);
      const label = await h.t.app.inject({ url: s1.labelUrl!, headers: { cookie: h.manager } });
      expect(label.headers['content-type']).toContain('application/pdf');
      expect(await pdfText(label.rawPayload)).toContain(s1.trackingNumber!);
      expect(decodeCode128(firstRgbImageOf(label.rawPayload))).toBe(s1.trackingNumber);

      // The shopper's mail has the tracking link.
      const [mail] = await h.t.ctx.db.query<{ payload: Order }>(
        `select payload from outgoing_messages where order_id = $1 and template = 'order_shipped' and channel = 'email'`,
        [order.id],
      );
      const rendered = await renderMessage({
        channel: 'email',
        template: 'order_shipped',
        locale: 'sv',
        order: mail!.payload,
      });
      expect(rendered.text).toContain(s1.trackingUrl!);

      // The third ships later, with its own capture.
      const second = await ship(order.id, 'home-ship-0002', [{ orderLineId: c.id, quantity: 1 }]);
      expect(second.statusCode, second.body).toBe(201);
      const s2 = second.json() as Shipment;
      expect(s2.amount.amount).toBe(c.lineTotal.amount);

      // One item comes back and is refunded.
      const token = order.statusUrl.split('#/order/')[1]!;
      const asked = await send(h.t, {}, 'POST', `/api/orders/status/${token}/returns`, {
        lines: [{ orderLineId: b.id, quantity: 1 }],
        reason: 'Ångrat köp',
      });
      expect(asked.statusCode, asked.body).toBe(201);
      const rma = asked.json() as ReturnRequest;
      const received = await asManager('POST', `/api/returns/${rma.id}/receive`, {
        locationId: h.loc.CENTRAL,
        lines: [{ orderLineId: b.id, restocked: 1, writtenOff: 0 }],
      });
      expect(received.statusCode, received.body).toBe(200);
      expect((received.json() as ReturnRequest).refund?.amount).toBe(b.lineTotal.amount);

      // The payment history, as the back office's timeline shows it, adds up to the öre.
      const timeline = (await asManager('GET', `/api/admin/orders/${order.id}/timeline`)).json() as {
        items: { type: string; amount: { amount: number } | null; outcome: string | null }[];
      };
      const sum = (type: string) =>
        timeline.items
          .filter((i) => i.type === type && i.outcome === 'succeeded')
          .reduce((n, i) => n + (i.amount?.amount ?? 0), 0);
      expect(sum('payment.authorize')).toBe(order.totals.total.amount);
      expect(sum('payment.capture')).toBe(s1.amount.amount + s2.amount.amount);
      expect(sum('payment.capture')).toBe(order.totals.total.amount);
      expect(sum('payment.refund')).toBe(b.lineTotal.amount);
      const [paid] = await h.t.ctx.db.query<{ captured: number; refunded: number }>(
        'select captured, refunded from payments where id = $1',
        [order.payment.id],
      );
      expect(paid!.captured - paid!.refunded).toBe(order.totals.total.amount - b.lineTotal.amount);
    } finally {
      h.now = start;
    }
  });
});
