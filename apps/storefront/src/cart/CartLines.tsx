import { formatPrice, useLocale, useLocalized, useT } from '@handla/ui';
import { hrefOf } from '../router';
import { type CartLine, MAX_QUANTITY } from './cart';
import type { CartDiscount } from './cart-promotions';

/**
 * The cart's lines; with `onQuantity` each gets −/+ and "remove" buttons, else read-only. With
 * `discountsOf` each line shows its promotion discounts by name and its total after them.
 */
export function CartLines({
  lines,
  onQuantity,
  discountsOf,
}: {
  lines: readonly CartLine[];
  onQuantity?: (skuId: string, quantity: number) => void;
  discountsOf?: (skuId: string) => CartDiscount[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  return (
    <ul className="cart-lines">
      {lines.map((line) => {
        const name = localized(line.productName);
        const label = line.variantName ? `${name}, ${line.variantName}` : name;
        const money = (amount: number) => formatPrice({ amount, currency: line.currency }, locale);
        const discounts = discountsOf?.(line.skuId) ?? [];
        const discounted = discounts.reduce((sum, d) => sum + d.amount, 0);
        return (
          <li key={line.skuId} className="cart-line">
            <div className="cart-line-text">
              <a href={hrefOf({ page: 'product', slug: line.productSlug })}>{name}</a>
              {line.variantName && <span className="muted"> {line.variantName}</span>}
              <span className="muted cart-line-unit">
                {line.quantity} × {money(line.unitPrice)}
              </span>
              {discounts.length > 0 && (
                <ul className="cart-line-discounts">
                  {discounts.map((d) => (
                    <li key={d.ruleId}>
                      {d.name} −{money(d.amount)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <strong className="cart-line-total">
              {discounted > 0 && <s className="muted">{money(line.unitPrice * line.quantity)}</s>}{' '}
              {money(line.unitPrice * line.quantity - discounted)}
            </strong>
            {onQuantity && (
              <div className="cart-line-actions">
                <button
                  type="button"
                  className="button"
                  aria-label={t('shop.cart.decrease', { name: label })}
                  onClick={() => onQuantity(line.skuId, line.quantity - 1)}
                >
                  −
                </button>
                <span className="cart-line-quantity">
                  <span className="visually-hidden">{t('shop.cart.quantity')} </span>
                  {line.quantity}
                </span>
                <button
                  type="button"
                  className="button"
                  aria-label={t('shop.cart.increase', { name: label })}
                  disabled={line.quantity >= MAX_QUANTITY}
                  onClick={() => onQuantity(line.skuId, line.quantity + 1)}
                >
                  +
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={t('shop.cart.removeLine', { name: label })}
                  onClick={() => onQuantity(line.skuId, 0)}
                >
                  {t('shop.cart.remove')}
                </button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
