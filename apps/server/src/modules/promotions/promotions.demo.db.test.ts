// The demo's promotions priced through the server's service: what the e2e journey ("3 för 2" and a
// coupon, the same total online and at the register) starts from.
import { createTestDatabase, seedDemoData } from '@handla/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppContext, createContext } from '../../context';
import { priceBasketWithPromotions } from './promotions.pricing.service';

let ctx: AppContext;
let tshirt: string;
beforeAll(async () => {
  ctx = createContext(await createTestDatabase());
  await seedDemoData(ctx.db, { hashPassword: async (p) => `test$${p}`, now: ctx.clock(), newId: ctx.newId });
  const [row] = await ctx.db.query<{ id: string }>(
    `select s.id from skus s join products p on p.id = s.product_id
      where p.name_sv = 'T-shirt Ekologisk bomull' order by s.sku limit 1`,
  );
  tshirt = row!.id;
});
afterAll(() => ctx.db.close());

const basket = (quantity: number, coupon: string | null = null, channel: 'web' | 'store' = 'web') =>
  priceBasketWithPromotions(ctx, {
    lines: [{ lineId: 'x', skuId: tshirt, quantity }],
    channel,
    storeId: null,
    coupon,
    isMember: false,
  });

describe('the demo promotions', () => {
  it('give "3 för 2" on t-shirts, and the coupon SOMMAR26 50 kr off from 500 kr', async () => {
    const three = await basket(3);
    const unit = three.lines[0]!.unitPriceInclVat;
    expect(three.lines[0]!.discounts.map((d) => [d.name, d.amount])).toEqual([['3 för 2 på t-shirts', unit]]);
    expect(unit).toBe(19_900);
    // Six: two groups, four paid (796 kr), over the coupon's 500 kr.
    const six = await basket(6, 'sommar26');
    expect(six.total).toBe(4 * unit - 5_000);
    expect(six.appliedCouponCodes).toEqual(['SOMMAR26']);
    // Two: 398 kr, under the threshold: the coupon gives nothing and is not to be redeemed.
    const two = await basket(2, 'SOMMAR26');
    expect(two.total).toBe(2 * unit);
    expect(two.appliedCouponCodes).toEqual([]);
  });

  it('price the same basket the same in the shop and in a store', async () => {
    expect((await basket(4, 'SOMMAR26', 'store')).total).toBe((await basket(4, 'SOMMAR26')).total);
  });
});
