// The store's web orders at the register: tabs with counts, the live list, and working one order.
import { type PickupQueueItem, QUEUE_FILTERS, type QueueFilter } from '@handla/api';
import { ErrorNotice, type MessageKey, useT } from '@handla/ui';
import { type KeyboardEvent, useRef } from 'react';
import { useFormatAmount } from '../format';
import { useRegister } from '../register-context';
import { PAYMENT_STATUS_LABEL, STREAM_STATUS_LABEL } from './labels';
import { OrdersLiveProvider, type OrdersLiveValue, useOptionalOrdersLive } from './OrdersLive';
import { OrderWork } from './OrderWork';
import { pickProgress } from './order-work';
import { PickupTime } from './PickupTime';

export function OrdersScreen() {
  const live = useOptionalOrdersLive();
  if (live) return <OrdersQueue live={live} />;
  return (
    <OrdersLiveProvider>
      <OwnProviderQueue />
    </OrdersLiveProvider>
  );
}

function OwnProviderQueue() {
  const live = useOptionalOrdersLive();
  return live && <OrdersQueue live={live} />;
}

const TAB_LABEL: Record<QueueFilter, MessageKey> = {
  new: 'pos.orders.queue.tab.new',
  accepted: 'pos.orders.queue.tab.accepted',
  picking: 'pos.orders.queue.tab.picking',
  ready: 'pos.orders.queue.tab.ready',
  overdue: 'pos.orders.queue.tab.overdue',
  collected: 'pos.orders.queue.tab.collected',
};

function OrdersQueue({ live }: { live: OrdersLiveValue }) {
  const t = useT();
  const { isOnline } = useRegister();
  const { queue, dispatch } = live;
  const tabRefs = useRef<Partial<Record<QueueFilter, HTMLButtonElement | null>>>({});

  if (queue.selected) {
    return (
      <OrderWork
        live={live}
        order={queue.selected}
        onBack={() => dispatch({ type: 'select', order: null })}
      />
    );
  }

  // Arrow keys move between tabs, as in any tab list.
  function onTabKey(event: KeyboardEvent) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = QUEUE_FILTERS.indexOf(queue.filter);
    const next = QUEUE_FILTERS[(index + step + QUEUE_FILTERS.length) % QUEUE_FILTERS.length]!;
    dispatch({ type: 'filter', filter: next });
    tabRefs.current[next]?.focus();
  }

  return (
    <section className="orders-screen stack" aria-labelledby="orders-heading">
      <div className="orders-head">
        <h2 id="orders-heading">{t('pos.orders.queue.heading')}</h2>
        <span className={`orders-live orders-live-${live.streamStatus}`}>
          {t(STREAM_STATUS_LABEL[live.streamStatus])}
        </span>
        <span className="button-row">
          <label className="training-toggle">
            <input
              type="checkbox"
              checked={!live.isMuted}
              onChange={(e) => live.setMuted(!e.target.checked)}
            />
            {t('pos.orders.sound')}
          </label>
          <button type="button" className="button" onClick={live.reload} disabled={!isOnline}>
            {t('pos.orders.queue.reload')}
          </button>
        </span>
      </div>
      {!isOnline && <p className="notice notice-warning">{t('pos.orders.queue.needsOnline')}</p>}
      <div
        role="tablist"
        aria-label={t('pos.orders.queue.tabs')}
        className="orders-tabs"
        onKeyDown={onTabKey}
      >
        {QUEUE_FILTERS.map((filter) => {
          const isSelected = queue.filter === filter;
          return (
            <button
              key={filter}
              ref={(element) => {
                tabRefs.current[filter] = element;
              }}
              type="button"
              role="tab"
              id={`orders-tab-${filter}`}
              aria-selected={isSelected}
              aria-controls="orders-panel"
              tabIndex={isSelected ? 0 : -1}
              className={isSelected ? 'button button-primary' : 'button'}
              onClick={() => dispatch({ type: 'filter', filter })}
            >
              {t(TAB_LABEL[filter])}{' '}
              <span
                className={
                  filter === 'overdue' && queue.counts.overdue > 0 ? 'tab-count is-alert' : 'tab-count'
                }
              >
                {queue.counts[filter]}
              </span>
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="orders-panel" aria-labelledby={`orders-tab-${queue.filter}`}>
        {live.loadError !== null && <ErrorNotice error={live.loadError} onRetry={live.reload} />}
        {!queue.isLoaded && live.loadError === null && <p role="status">{t('common.loading')}</p>}
        {queue.isLoaded && queue.items.length === 0 && <p>{t('pos.orders.queue.empty')}</p>}
        {queue.items.length > 0 && (
          <OrderTable
            items={queue.items}
            onOpen={(item) => dispatch({ type: 'select', order: item.order })}
          />
        )}
      </div>
    </section>
  );
}

function OrderTable({
  items,
  onOpen,
}: {
  items: PickupQueueItem[];
  onOpen: (item: PickupQueueItem) => void;
}) {
  const t = useT();
  const { setup } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const now = new Date();
  return (
    <table className="orders-table">
      <caption className="visually-hidden">{t('pos.orders.queue.list')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('pos.orders.queue.number')}</th>
          <th scope="col">{t('pos.orders.queue.customer')}</th>
          <th scope="col">{t('pos.orders.queue.pickup')}</th>
          <th scope="col" className="number">
            {t('pos.orders.queue.items')}
          </th>
          <th scope="col" className="number">
            {t('pos.orders.queue.amount')}
          </th>
          <th scope="col">{t('pos.orders.queue.payment')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const { order } = item;
          return (
            <tr
              key={order.id}
              data-order-number={order.number}
              className={item.isOverdue ? 'is-overdue' : undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="button order-open"
                  aria-label={t('pos.orders.queue.open', { number: order.number })}
                  onClick={() => onOpen(item)}
                >
                  {order.number}
                </button>
              </th>
              <td>{order.customer.name}</td>
              <td>
                <PickupTime order={order} now={now} />
                {item.isOverdue && (
                  <span className="badge badge-overdue">{t('pos.orders.queue.overdue')}</span>
                )}
              </td>
              <td className="number">
                {t('pos.orders.queue.itemCount', { count: pickProgress(order).total })}
              </td>
              <td className="number">{formatAmount(order.amountDue.amount)}</td>
              <td>{t(PAYMENT_STATUS_LABEL[order.payment.status])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
