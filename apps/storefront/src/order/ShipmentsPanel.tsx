// The order's parcels on the order-status page: per parcel its lines, carrier, date and tracking
// link; "partly shipped" while some are still to come. Shown once something has left.
import type { Order, ShopperShipments } from '@handla/api';
import { formatDateTime, useApi, useLocale, useT } from '@handla/ui';
import { useEffect, useState } from 'react';

export function ShipmentsPanel({ token, order }: { token: string; order: Order }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [data, setData] = useState<ShopperShipments | null>(null);
  const isDelivery = order.fulfilment.kind === 'delivery' || order.lines.some((l) => l.state === 'shipping');

  // Asked again whenever the order's view changes (the page polls the order).
  // biome-ignore lint/correctness/useExhaustiveDependencies: order.status and the lines' states move with shipments
  useEffect(() => {
    if (!isDelivery) return;
    let stopped = false;
    api.shop.orderShipments(token).then(
      (next) => {
        if (!stopped) setData(next);
      },
      () => {
        if (!stopped) setData(null);
      },
    );
    return () => {
      stopped = true;
    };
  }, [api, token, isDelivery, order.status, order.lines.length]);

  if (!data || data.shipments.length === 0) return null;
  return (
    <section className="card stack-tight shipments" aria-labelledby="shipments-heading">
      <h2 id="shipments-heading">{t('shop.order.shipments.heading')}</h2>
      <p role="status" className="shipping-state">
        {data.shippingState === 'partially_shipped'
          ? t('shop.order.shipments.partial')
          : t('shop.order.shipments.all')}
      </p>
      <ol className="stack-tight shipment-list">
        {data.shipments.map((s) => (
          <li key={s.number} className="shipment">
            <h3>{t('shop.order.shipments.parcel', { number: String(s.number) })}</h3>
            {s.shippedAt && (
              <p className="muted">
                {t('shop.order.shipments.sent', {
                  date: formatDateTime(s.shippedAt, locale),
                  carrier: s.carrier,
                })}
              </p>
            )}
            <ul>
              {s.lines.map((l) => (
                <li key={l.orderLineId}>
                  {l.quantity} × {l.name}
                </li>
              ))}
            </ul>
            {s.trackingNumber && s.trackingUrl && (
              <a href={s.trackingUrl} target="_blank" rel="noreferrer">
                {t('shop.order.shipments.track', { trackingNumber: s.trackingNumber })}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
