import type { ComputedReceipt } from '@handla/core';
import { intlLocale, useLocale, useT } from '@handla/ui';
import { percentText } from '../format';
import type { Cart, CartAction } from './cart';

/** The lines rung up so far; a tap (or Enter) selects a line for quantity, discount or removal. */
export function CartLines({
  cart,
  receipt,
  dispatch,
  formatAmount,
}: {
  cart: Cart;
  receipt: ComputedReceipt | null;
  dispatch: (action: CartAction) => void;
  formatAmount: (amount: number) => string;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (cart.lines.length === 0) return <p className="cart-empty muted">{t('pos.cart.empty')}</p>;
  return (
    <table className="cart-lines" aria-label={t('pos.cart.label')}>
      <thead>
        <tr>
          <th scope="col">{t('pos.cart.item')}</th>
          <th scope="col" className="number">
            {t('pos.cart.quantity')}
          </th>
          <th scope="col" className="number">
            {t('pos.cart.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {cart.lines.map((line, i) => {
          const computed = receipt?.lines[i];
          const isSelected = line.lineId === cart.selectedLineId;
          const name = locale === 'sv' ? line.name.sv : line.name.en || line.name.sv;
          return (
            <tr
              key={line.lineId}
              className={isSelected ? 'cart-line is-selected' : 'cart-line'}
              aria-selected={isSelected}
              onClick={() => dispatch({ type: 'select', lineId: line.lineId })}
            >
              <th scope="row">
                <button
                  type="button"
                  className="cart-line-select"
                  onClick={() => dispatch({ type: 'select', lineId: line.lineId })}
                  aria-pressed={isSelected}
                >
                  {name}
                  {line.optionsText && <span className="muted"> {line.optionsText}</span>}
                </button>
                <div className="muted small">
                  {line.sku} · {formatAmount(line.unitPriceInclVat)}
                </div>
                {line.promotionDiscounts && line.promotionDiscounts.length > 0 && (
                  <ul className="cart-line-promotions small" aria-label={t('pos.promotions.lineLabel')}>
                    {line.promotionDiscounts.map((d) => (
                      <li key={d.ruleId} className="cart-line-discount">
                        {d.name} −{formatAmount(d.amount)}
                      </li>
                    ))}
                  </ul>
                )}
                {line.discount && (
                  <div className="cart-line-discount small">
                    {line.discount.kind === 'percent'
                      ? t('pos.cart.discountPercent', {
                          percent: percentText(line.discount.value, intlLocale(locale)),
                        })
                      : t('pos.cart.discountAmount', { amount: formatAmount(line.discount.value) })}{' '}
                    ({line.discount.reason}){computed && ` −${formatAmount(computed.lineDiscountAmount)}`}
                  </div>
                )}
              </th>
              <td className="number">{line.quantity}</td>
              <td className="number">
                {formatAmount(
                  computed
                    ? computed.grossAmount -
                        (computed.promotionDiscountAmount ?? 0) -
                        computed.lineDiscountAmount
                    : line.quantity * line.unitPriceInclVat,
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
