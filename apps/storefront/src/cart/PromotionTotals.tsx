import { formatPrice, useLocale, useT } from '@handla/ui';
import type { CartDiscount } from './cart-promotions';

/** Each promotion's discount by rule name, as rows of a totals list. */
export function DiscountRows({
  discounts,
  currency,
}: {
  discounts: readonly CartDiscount[];
  currency: string;
}) {
  const { locale } = useLocale();
  return discounts.map((d) => (
    <div key={d.ruleId} className="totals-discount">
      <dt>{d.name}</dt>
      <dd>−{formatPrice({ amount: d.amount, currency }, locale)}</dd>
    </div>
  ));
}

/**
 * The totals of a priced cart: the lines before discounts, each discount by rule name, the
 * shipping when there is some, and the total to pay (incl. VAT).
 */
export function PromotionTotals({
  gross,
  discounts,
  shipping,
  currency,
}: {
  gross: number;
  discounts: readonly CartDiscount[];
  /** Öre incl. VAT, or null for pickup. */
  shipping: number | null;
  currency: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const money = (amount: number) => formatPrice({ amount, currency }, locale);
  const saving = discounts.reduce((sum, d) => sum + d.amount, 0);
  return (
    <dl className="totals">
      <dt>{t('shop.totals.lines')}</dt>
      <dd>{money(gross)}</dd>
      <DiscountRows discounts={discounts} currency={currency} />
      {saving > 0 && (
        <>
          <dt>{t('shop.promo.saving')}</dt>
          <dd>{money(saving)}</dd>
        </>
      )}
      {shipping !== null && (
        <>
          <dt>{t('shop.totals.shipping')}</dt>
          <dd>{money(shipping)}</dd>
        </>
      )}
      <dt className="totals-grand">{t('shop.totals.total')}</dt>
      <dd className="totals-grand">{money(gross - saving + (shipping ?? 0))}</dd>
    </dl>
  );
}
