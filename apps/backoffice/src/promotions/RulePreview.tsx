// A live preview of the rule being edited: a sample basket priced by the same engine the shop and
// the register run, so the manager sees what the rule does before saving it.
import type { PromotionEffectDto } from '@handla/api';
import {
  type BasketLine,
  checkPromotionEffect,
  type PromotionRule,
  type PromotionTarget,
  priceBasket,
} from '@handla/core';
import { formatPrice, useLocale, useT } from '@handla/ui';

// A sample line that any target matches: it carries the target's first id as its product,
// category and brand alike.
function sampleLine(lineId: string, target: PromotionTarget, price: number, quantity: number): BasketLine {
  const id = target.ids[0] ?? 'sample';
  return {
    lineId,
    skuId: `sku_${lineId}`,
    productId: id,
    categoryIds: [id],
    brand: id,
    quantity,
    unitPriceInclVat: price,
    vatRateBp: 2500,
  };
}

function sampleBasket(effect: PromotionEffectDto): BasketLine[] {
  if (effect.type === 'bundle')
    return effect.components.map((c, i) => sampleLine(`b${i}`, c.target, 29_900 - i * 10_000, c.quantity));
  const other: BasketLine = {
    ...sampleLine('other', { kind: 'all', ids: [] }, 9_900, 1),
    productId: 'other',
    categoryIds: [],
    brand: null,
  };
  const quantity = effect.type === 'x_for_y' ? effect.buy : effect.type === 'mix_match' ? effect.quantity : 2;
  return [
    sampleLine('a', effect.target, 19_900, quantity || 1),
    sampleLine('c', effect.target, 14_900, 1),
    other,
  ];
}

export function RulePreview({ effect, isStackable }: { effect: PromotionEffectDto; isStackable: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const sek = (amount: number) => formatPrice({ amount, currency: 'SEK' }, locale);
  const isValid = checkPromotionEffect(effect).length === 0;
  const rule: PromotionRule = {
    id: 'preview',
    name: 'preview',
    effect,
    priority: 0,
    isExclusive: false,
    isStackable,
    startsAt: null,
    endsAt: null,
    channels: ['web'],
    storeIds: null,
    membersOnly: false,
    customerGroups: [],
    requiresCoupon: false,
  };
  const result = isValid
    ? priceBasket({ currency: 'SEK', lines: sampleBasket(effect) }, [rule], {
        at: new Date(0).toISOString(),
        channel: 'web',
        storeId: null,
        isMember: false,
        customerGroups: [],
        coupons: [],
      })
    : null;
  return (
    <section className="card stack" aria-live="polite" aria-labelledby="promotion-preview-heading">
      <h3 id="promotion-preview-heading">{t('promotionsAdmin.preview')}</h3>
      {result === null ? (
        <p>{t('promotionsAdmin.previewInvalid')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('promotionsAdmin.lineItem')}</th>
                  <th scope="col">{t('promotionsAdmin.lineQuantity')}</th>
                  <th scope="col">{t('promotionsAdmin.lineDiscount')}</th>
                  <th scope="col">{t('promotionsAdmin.lineAmount')}</th>
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr key={l.lineId}>
                    <th scope="row">
                      {l.lineId === 'other'
                        ? t('promotionsAdmin.previewOther')
                        : t('promotionsAdmin.previewLine')}{' '}
                      {sek(l.unitPriceInclVat)}
                    </th>
                    <td>{l.quantity}</td>
                    <td>{l.discountAmount ? `−${sek(l.discountAmount)}` : '–'}</td>
                    <td>{sek(l.amountInclVat)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t('promotionsAdmin.previewTotal', {
              total: sek(result.total),
              discount: sek(result.discountTotal),
            })}
          </p>
        </>
      )}
    </section>
  );
}
