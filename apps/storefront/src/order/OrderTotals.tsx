import type { Order } from '@handla/api';
import { formatPrice, useLocale, useT } from '@handla/ui';

/** Lines and totals of a placed order, each discount by name, VAT per rate as the server computed it. */
export function OrderTotals({ order }: { order: Order }) {
  const t = useT();
  const { locale } = useLocale();
  const { totals } = order;
  return (
    <>
      <ul className="cart-lines">
        {order.lines.map((line) => (
          <li key={line.id} className="cart-line">
            <div className="cart-line-text">
              <span>{line.productName}</span>
              {line.variantName && <span className="muted"> {line.variantName}</span>}
              <span className="muted cart-line-unit">
                {line.quantity} × {formatPrice(line.unitPrice, locale)}
              </span>
              {(line.discounts ?? []).length > 0 && (
                <ul className="cart-line-discounts">
                  {line.discounts!.map((d) => (
                    <li key={d.ruleId}>
                      {d.name} −{formatPrice(d.amount, locale)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <strong className="cart-line-total">{formatPrice(line.lineTotal, locale)}</strong>
          </li>
        ))}
      </ul>
      <dl className="totals">
        <dt>{t('shop.totals.lines')}</dt>
        {/* Before discounts; the server's `lines` is after them. */}
        <dd>
          {formatPrice(
            { amount: totals.lines.amount + (totals.discount?.amount ?? 0), currency: totals.lines.currency },
            locale,
          )}
        </dd>
        {totals.discount && totals.discount.amount > 0 && (
          <>
            <dt>{t('shop.totals.discount')}</dt>
            <dd>−{formatPrice(totals.discount, locale)}</dd>
          </>
        )}
        {order.fulfilment.kind === 'delivery' && (
          <>
            <dt>{t('shop.totals.shipping')}</dt>
            <dd>{formatPrice(totals.shipping, locale)}</dd>
          </>
        )}
        <dt className="totals-grand">{t('shop.totals.total')}</dt>
        <dd className="totals-grand">{formatPrice(totals.total, locale)}</dd>
        {totals.vat.map((v) => (
          <div key={v.rateBp} className="totals-vat">
            <dt>
              {t('shop.totals.vat', {
                rate: (v.rateBp / 100).toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB'),
              })}
            </dt>
            <dd>{formatPrice(v.vat, locale)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
