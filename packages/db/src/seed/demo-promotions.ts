// The promotions part of the demo data: "3 för 2" on t-shirts, 10 % off the kitchen, a member
// price on a brand, and a coupon (SOMMAR26, shared, 1,000 uses) for 50 kr off a 500 kr basket.
import type { Queryable } from '../database';
import type { DemoSeedDeps } from './demo';

interface DemoRule {
  name: string;
  effect: (categoryId: (slug: string) => string) => object;
  priority: number;
  membersOnly?: boolean;
  requiresCoupon?: boolean;
}

const RULES: readonly DemoRule[] = [
  {
    name: '3 för 2 på t-shirts',
    effect: (category) => ({
      type: 'x_for_y',
      target: { kind: 'category', ids: [category('t-shirts')] },
      buy: 3,
      pay: 2,
    }),
    priority: 10,
  },
  {
    name: '10 % på köket',
    effect: (category) => ({
      type: 'percent_off',
      target: { kind: 'category', ids: [category('kok')] },
      percentBp: 1000,
    }),
    priority: 5,
  },
  {
    name: 'Medlemspris Fjällull −15 %',
    effect: () => ({ type: 'percent_off', target: { kind: 'brand', ids: ['Fjällull'] }, percentBp: 1500 }),
    priority: 6,
    membersOnly: true,
  },
  {
    name: 'Sommarkupong: 50 kr på 500 kr',
    effect: () => ({
      type: 'spend_threshold',
      target: { kind: 'all', ids: [] },
      minSpend: 50_000,
      amountOff: 5_000,
    }),
    priority: 0,
    requiresCoupon: true,
  },
];

export async function seedDemoPromotions(
  tx: Queryable,
  deps: Pick<DemoSeedDeps, 'now' | 'newId'>,
): Promise<void> {
  const [company] = await tx.query<{ id: string }>(
    'select id from companies order by created_at, id limit 1',
  );
  const categories = new Map(
    (await tx.query<{ id: string; slug: string }>('select id, slug from categories')).map((c) => [
      c.slug,
      c.id,
    ]),
  );
  const category = (slug: string) => categories.get(slug) ?? slug;
  for (const rule of RULES) {
    const id = deps.newId('prm');
    await tx.query(
      `insert into promotions (id, company_id, name, effect, priority, members_only, requires_coupon, created_at, updated_at)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $8)`,
      [
        id,
        company!.id,
        rule.name,
        JSON.stringify(rule.effect(category)),
        rule.priority,
        rule.membersOnly ?? false,
        rule.requiresCoupon ?? false,
        deps.now,
      ],
    );
    if (rule.requiresCoupon) {
      await tx.query(
        `insert into promotion_coupons (id, promotion_id, code, batch_id, max_redemptions, created_at)
         values ($1, $2, 'SOMMAR26', $3, 1000, $4)`,
        [deps.newId('cpc'), id, deps.newId('cpb'), deps.now],
      );
    }
  }
}
