// The order confirmation names each promotion discount under its line (issue 9).
import { describe, expect, it } from 'vitest';
import { fixtureOrder } from '../notifications.fixture';
import { renderMessage } from './render';

const sek = (amount: number) => ({ amount, currency: 'SEK' });

describe('an order confirmation with discounts', () => {
  it('shows the line before its discounts, then each discount by name, and the sums after them', async () => {
    const base = fixtureOrder();
    const [tee, book] = base.lines;
    const order = fixtureOrder({
      lines: [
        {
          ...tee!,
          quantity: 3,
          lineTotal: sek(39_800),
          discounts: [{ ruleId: 'prm_1', name: '3 för 2 på t-shirts', amount: sek(19_900) }],
        },
        book!,
      ],
      totals: { ...base.totals, discount: sek(19_900) },
    });
    const m = await renderMessage({ channel: 'email', template: 'order_confirmation', locale: 'sv', order });
    expect(m.text).toMatch(/3 × T-shirt \(Svart, M\)\s+597,00\s+kr/);
    expect(m.text).toMatch(/3 för 2 på t-shirts\s+−199,00\s+kr/);
    expect(m.text).toMatch(/Varor: 547,00\s+kr/);
    expect(m.html).toContain('3 för 2 på t-shirts');
  });
});
