// The store's changes told to the shopper (`order_changed`), and the reason of a cancellation.
import type { Order } from '@handla/api';
import { describe, expect, it } from 'vitest';
import { fixtureOrder } from '../notifications.fixture';
import { renderMessage } from './render';

const render = (
  template: 'order_changed' | 'order_cancelled',
  locale: 'sv' | 'en',
  order: Order,
  channel: 'email' | 'sms' = 'email',
) => renderMessage({ channel, template, locale, order });

const base = fixtureOrder();
const [tee, book] = base.lines as [Order['lines'][number], Order['lines'][number]];
const changed = fixtureOrder({
  lines: [
    { ...tee, state: 'substituted', substitutedBy: 'orl_3', note: 'Slut i svart' },
    { ...book, state: 'removed', note: 'Skadad' },
    {
      ...tee,
      id: 'orl_3',
      sku: 'TEE-BLU-M',
      variantName: 'Blå, M',
      substitutesLineId: 'orl_1',
      note: 'Slut i svart',
    },
  ],
  amountDue: { amount: 39_800, currency: 'SEK' },
});

describe('order_changed', () => {
  it('lists each change in Swedish with what is left to pay', async () => {
    const mail = await render('order_changed', 'sv', changed);
    expect(mail.subject).toBe('Ändring i order 1042');
    expect(mail.text).toContain('2 × T-shirt (Svart, M) ersätts av 2 × T-shirt (Blå, M) (Slut i svart).');
    expect(mail.text).toContain('1 × Kokbok utgår (Skadad).');
    expect(mail.text).toMatch(/Du betalar bara för det du får: 398,00\s+kr\./);
    expect(mail.html).toContain('1 × Kokbok utgår (Skadad).');
    expect(mail.inlineImages).toEqual([]);
  });

  it('says it in English, and in one short SMS', async () => {
    const mail = await render('order_changed', 'en', changed);
    expect(mail.text).toContain('1 × Kokbok is removed (Skadad).');
    expect(mail.text).toContain('is replaced by 2 × T-shirt (Blå, M)');
    const sms = await render('order_changed', 'sv', changed, 'sms');
    expect(sms.text).toMatch(/^Order 1042 har ändrats: 2 rad\(er\)\. Att betala 398,00\s+kr\./);
    expect(sms.text.length).toBeLessThanOrEqual(220);
  });

  it('tells a shipped-home line apart', async () => {
    const order = fixtureOrder({
      lines: [{ ...book, state: 'shipping', shipFromLocationId: 'loc_central' }],
    });
    const mail = await render('order_changed', 'sv', order);
    expect(mail.text).toContain('1 × Kokbok skickas hem till dig.');
  });
});

describe('order_cancelled with a reason', () => {
  it('translates the expiry job’s reason and keeps staff’s as typed', async () => {
    const expired = fixtureOrder({ status: 'cancelled', cancelReason: 'Not collected in time' });
    const sv = await render('order_cancelled', 'sv', expired);
    expect(sv.text).toContain('Den hämtades inte i tid.');
    const en = await render('order_cancelled', 'en', expired);
    expect(en.text).toContain('It was not collected in time.');
    const staff = fixtureOrder({ status: 'cancelled', cancelReason: 'Slut i lager' });
    const typed = await render('order_cancelled', 'sv', staff);
    expect(typed.text).toContain('Orsak: Slut i lager');
  });
});
