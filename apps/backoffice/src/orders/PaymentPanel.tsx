// The order page's payment panel: every payment with its method, status and reference (the
// marketplace's for an order paid there), what is authorized, captured and refunded, what delivery
// captures, and — after an edit raised the order — what the shopper still has to pay.
import type { AdminOrder } from '@handla/api';
import { formatPrice, useLocale, useT } from '@handla/ui';
import { paymentMethodLabel, paymentStatusLabel } from './labels';
import { amountToPayOf, isPaidOnMarketplace, paymentRowsOf } from './payment-panel';

export function PaymentPanel({ data }: { data: AdminOrder }) {
  const t = useT();
  const { locale } = useLocale();
  const rows = paymentRowsOf(data);
  const toPay = amountToPayOf(data);
  const currency = data.order.amountDue.currency;
  return (
    <section aria-labelledby="order-payment" className="stack">
      <h3 id="order-payment">{t('ordersAdmin.paymentSummary')}</h3>
      {toPay && (
        <p className="orders-to-pay" role="status">
          <strong>
            {t('ordersAdmin.amountToPay')}: {formatPrice(toPay, locale)}
          </strong>{' '}
          {t('ordersAdmin.amountToPayNote')}
        </p>
      )}
      <div className="table-wrap">
        <table>
          <caption>{t('ordersAdmin.payments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ordersAdmin.col.method')}</th>
              <th scope="col">{t('ordersAdmin.col.paymentStatus')}</th>
              <th scope="col">{t('ordersAdmin.col.reference')}</th>
              <th scope="col" className="num">
                {t('ordersAdmin.authorized')}
              </th>
              <th scope="col" className="num">
                {t('ordersAdmin.captured')}
              </th>
              <th scope="col" className="num">
                {t('ordersAdmin.refunded')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row">{t(paymentMethodLabel(p.method))}</th>
                <td>{t(paymentStatusLabel(p.status))}</td>
                <td>
                  {p.reference && p.method === 'prepaid_external' ? (
                    <>
                      <span className="visually-hidden">{t('ordersAdmin.marketplaceReference')}: </span>
                      {p.reference}
                    </>
                  ) : (
                    <span className="orders-ref">{p.reference ?? p.id}</span>
                  )}
                </td>
                <td className="num">{formatPrice(p.authorized, locale)}</td>
                <td className="num">{formatPrice(p.captured, locale)}</td>
                <td className="num">{formatPrice(p.refunded, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {isPaidOnMarketplace(rows) && <p>{t('ordersAdmin.refundsByMarketplace')}</p>}
      <dl className="orders-payment">
        <dt>{t('ordersAdmin.amountDue')}</dt>
        <dd>{formatPrice(data.order.amountDue, locale)}</dd>
        <dt>{t('ordersAdmin.amountToPay')}</dt>
        <dd>{formatPrice(toPay ?? { amount: 0, currency }, locale)}</dd>
      </dl>
    </section>
  );
}
