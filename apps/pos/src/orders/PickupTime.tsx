// An order's pickup slot on the store's clock: "idag 14:00–14:15" or "tors 4 dec. 14:00–14:15".
import type { Order } from '@handla/api';
import { intlLocale, useLocale, useT } from '@handla/ui';
import { formatPickupTime } from './pickup-time';

export function PickupTime({ order, now = new Date() }: { order: Order; now?: Date }) {
  const t = useT();
  const { locale } = useLocale();
  if (order.fulfilment.kind !== 'pickup') return null;
  const { slotStartsAt, slotEndsAt, timeZone, asap } = order.fulfilment;
  const pickup = formatPickupTime(slotStartsAt, slotEndsAt, timeZone, intlLocale(locale), now);
  return (
    <>
      <span className="muted">{pickup.isToday ? t('pos.orders.queue.today') : pickup.date}</span>{' '}
      <strong>{pickup.time}</strong>
      {asap && <span className="badge">{t('pos.orders.queue.asap')}</span>}
    </>
  );
}
