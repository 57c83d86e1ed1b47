// The templates: both languages, pickup and delivery, HTML escaping, short SMS.
import { describe, expect, it } from 'vitest';
import { fixtureOrder } from '../notifications.fixture';
import { renderMessage } from './render';

const delivery = fixtureOrder({
  fulfilment: {
    kind: 'delivery',
    address: {
      name: 'Anna <b>A</b>',
      street: 'Storgatan 2',
      postalCode: '411 01',
      city: 'Göteborg',
      country: 'SE',
    },
    shippingMethod: {
      id: 'shm_postnord_home',
      name: 'Hemleverans PostNord',
      price: { amount: 5900, currency: 'SEK' },
    },
  },
  pickupCode: null,
  totals: {
    lines: { amount: 54_700, currency: 'SEK' },
    shipping: { amount: 5_900, currency: 'SEK' },
    total: { amount: 60_600, currency: 'SEK' },
    vat: [
      {
        rateBp: 2500,
        vat: { amount: 9_140, currency: 'SEK' },
        totalInclVat: { amount: 45_700, currency: 'SEK' },
      },
      {
        rateBp: 600,
        vat: { amount: 843, currency: 'SEK' },
        totalInclVat: { amount: 14_900, currency: 'SEK' },
      },
    ],
  },
});

describe('renderMessage', () => {
  it('confirms a delivery order in English with shipping, VAT per rate and no QR code', async () => {
    const m = await renderMessage({
      channel: 'email',
      template: 'order_confirmation',
      locale: 'en',
      order: delivery,
    });
    expect(m.subject).toBe('Order confirmation 1042');
    expect(m.text).toContain('It will be sent with Hemleverans PostNord.');
    expect(m.text).toMatch(/Shipping: 59,00\s+kr/);
    expect(m.text).toMatch(/Total: 606,00\s+kr/);
    expect(m.text).toMatch(/incl\. VAT 25 % \(on 457,00\s+kr\): 91,40\s+kr/);
    expect(m.inlineImages).toEqual([]);
    expect(m.html).not.toContain('cid:');
  });

  it('escapes what the shopper typed in the HTML, not in the text', async () => {
    const m = await renderMessage({
      channel: 'email',
      template: 'order_shipped',
      locale: 'sv',
      order: delivery,
    });
    expect(m.html).toContain('Anna &lt;b&gt;A&lt;/b&gt;');
    expect(m.html).not.toContain('<b>A</b>');
    expect(m.text).toContain('Levereras till: Anna <b>A</b>, Storgatan 2, 411 01 Göteborg');
  });

  it('writes every template in both languages, by mail and by SMS', async () => {
    const order = fixtureOrder();
    const templates = [
      'order_confirmation',
      'order_ready',
      'pickup_reminder',
      'order_cancelled',
      'order_shipped',
    ] as const;
    for (const template of templates) {
      for (const locale of ['sv', 'en'] as const) {
        const mail = await renderMessage({ channel: 'email', template, locale, order });
        expect(mail.subject).toContain(order.number);
        expect(mail.html).toContain(`lang="${locale}"`);
        const sms = await renderMessage({ channel: 'sms', template, locale, order });
        expect(sms.text).toContain(order.number);
        expect(sms.html).toBeNull();
        expect(sms.text.length).toBeLessThanOrEqual(220);
      }
    }
  });

  it('says "as soon as it is ready" for an asap pickup', async () => {
    const order = fixtureOrder();
    if (order.fulfilment.kind !== 'pickup') throw new Error('fixture is a pickup order');
    const asap = { ...order, fulfilment: { ...order.fulfilment, asap: true } };
    const m = await renderMessage({
      channel: 'sms',
      template: 'order_confirmation',
      locale: 'en',
      order: asap,
    });
    expect(m.text).toContain('as soon as it is ready');
  });
});
