import type { Order } from '@handla/api';
import { ErrorNotice, formatDateTime, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useState } from 'react';
import { useCart } from '../cart/CartProvider';
import { lineFor } from '../cart/cart';
import { fetchCatalog } from '../catalog/catalog';
import { hrefOf, navigate, statusTokenOf } from '../router';

/** The shopper's orders, newest first, each with its status page and "order again". */
export function OrderHistory() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const cart = useCart();
  const orders = useLoader(useCallback(() => api.shop.accountOrders(), [api]));
  const [reorderError, setReorderError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const reorder = async (order: Order) => {
    setReorderError(null);
    setNotice('');
    try {
      const [result, products] = await Promise.all([api.shop.reorder(order.id), fetchCatalog(api, true)]);
      let added = 0;
      for (const { skuId, quantity } of result.lines) {
        const product = products.find((p) => p.skus.some((s) => s.id === skuId));
        const line = product && lineFor(product, skuId, quantity);
        if (line) {
          cart.add(line);
          added += 1;
        }
      }
      if (added === 0) setNotice(t('shop.account.nothingToReorder'));
      else navigate({ page: 'cart' });
    } catch (e) {
      setReorderError(e);
    }
  };

  return (
    <section className="stack-tight" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('shop.account.orders')}</h2>
      {orders.loading && <p role="status">{t('common.loading')}</p>}
      {orders.error !== null && <ErrorNotice error={orders.error} onRetry={orders.reload} />}
      {reorderError !== null && <ErrorNotice error={reorderError} />}
      <p role="status">{notice}</p>
      {orders.data?.items.length === 0 && <p>{t('shop.account.noOrders')}</p>}
      <ul className="order-history">
        {orders.data?.items.map((order) => (
          <li key={order.id} className="card stack-tight">
            <p>
              <a href={hrefOf({ page: 'order', token: statusTokenOf(order.statusUrl) })}>
                {t('shop.order.number', { number: order.number })}
              </a>{' '}
              <span className="muted">{formatDateTime(order.createdAt, locale)}</span>
            </p>
            <p>
              {t('shop.account.orderSummary', {
                count: order.lines.reduce((n, l) => n + l.quantity, 0),
                total: formatPrice(order.totals.total, locale),
              })}
            </p>
            <button type="button" className="button" onClick={() => void reorder(order)}>
              {t('shop.account.reorder')}
              <span className="visually-hidden"> {order.number}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
