import { formatPrice, useLocale, useT } from '@handla/ui';
import type { ReactNode } from 'react';
import { CartLines } from '../cart/CartLines';
import type { CartLine } from '../cart/cart';
import { cartTotal } from '../cart/cart';

/** The checkout's summary: lines, shipping, total (incl. VAT); `children` shows problems with the lines. */
export function OrderSummary({
  lines,
  shipping,
  children,
}: {
  lines: readonly CartLine[];
  /** Öre incl. VAT, or null for pickup. */
  shipping: number | null;
  children?: ReactNode;
}) {
  const t = useT();
  const { locale } = useLocale();
  const currency = lines[0]?.currency ?? 'SEK';
  const money = (amount: number) => formatPrice({ amount, currency }, locale);
  const subtotal = cartTotal(lines);
  return (
    <section className="card stack-tight order-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('shop.checkout.summary')}</h2>
      <CartLines lines={lines} />
      {children}
      <dl className="totals">
        <dt>{t('shop.totals.lines')}</dt>
        <dd>{money(subtotal)}</dd>
        {shipping !== null && (
          <>
            <dt>{t('shop.totals.shipping')}</dt>
            <dd>{money(shipping)}</dd>
          </>
        )}
        <dt className="totals-grand">{t('shop.totals.total')}</dt>
        <dd className="totals-grand">{money(subtotal + (shipping ?? 0))}</dd>
      </dl>
      <p className="muted">{t('shop.checkout.vatNote')}</p>
    </section>
  );
}
