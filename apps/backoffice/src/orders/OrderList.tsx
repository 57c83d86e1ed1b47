// The order list: search, status chips, store, channel, payment state and dates, a page at a time.
import type { AdminOrderSummary, OrderStatus, Store } from '@handla/api';
import {
  ErrorNotice,
  formatDateTime,
  formatPrice,
  SearchField,
  useApi,
  useDebouncedValue,
  useLoader,
  useLocale,
  useT,
} from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { ListTable } from '../pages/ListTable';
import { Pager } from '../stock/shared/Pager';
import { useCursorPages } from '../stock/shared/useCursorPages';
import {
  CHANNELS,
  channelLabel,
  ORDER_STATUSES,
  PAYMENT_STATES,
  paymentMethodLabelOf,
  paymentStateLabel,
  paymentStatusLabel,
  statusLabel,
} from './labels';

const PAGE_SIZE = 50;

export function OrderList() {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [query, setQuery] = useState('');
  const [statuses, setStatuses] = useState<OrderStatus[]>([]);
  const [storeId, setStoreId] = useState('');
  const [channel, setChannel] = useState<(typeof CHANNELS)[number] | ''>('');
  const [paymentState, setPaymentState] = useState<(typeof PAYMENT_STATES)[number] | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const q = useDebouncedValue(query.trim(), 300);
  const stores = useLoader(useCallback(() => api.listStores(), [api]));
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        api.ordersAdmin.list({
          q: q || undefined,
          status: statuses.join(',') || undefined,
          storeId: storeId || undefined,
          channel: channel || undefined,
          paymentState: paymentState || undefined,
          from: from || undefined,
          to: to || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [api, q, statuses, storeId, channel, paymentState, from, to],
    ),
  );
  const toggle = (s: OrderStatus) =>
    setStatuses((all) => (all.includes(s) ? all.filter((x) => x !== s) : [...all, s]));
  const caption = t('ordersAdmin.caption');
  return (
    <>
      <SearchField
        label={t('ordersAdmin.search')}
        hint={t('ordersAdmin.searchHint')}
        value={query}
        onChange={setQuery}
      />
      <fieldset className="orders-filters">
        <legend>{t('ordersAdmin.filters')}</legend>
        <fieldset className="orders-chips">
          <legend className="visually-hidden">{t('ordersAdmin.status')}</legend>
          {ORDER_STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              className="orders-chip"
              aria-pressed={statuses.includes(s)}
              onClick={() => toggle(s)}
            >
              {t(statusLabel(s))}
            </button>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-store`}>{t('ordersAdmin.store')}</label>
          <select id={`${id}-store`} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
            <option value="">{t('ordersAdmin.anyStore')}</option>
            {stores.data?.items.map((s: Store) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-channel`}>{t('ordersAdmin.channel')}</label>
          <select
            id={`${id}-channel`}
            value={channel}
            onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number] | '')}
          >
            <option value="">{t('ordersAdmin.anyChannel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(channelLabel(c))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-payment`}>{t('ordersAdmin.paymentState')}</label>
          <select
            id={`${id}-payment`}
            value={paymentState}
            onChange={(e) => setPaymentState(e.target.value as (typeof PAYMENT_STATES)[number] | '')}
          >
            <option value="">{t('ordersAdmin.anyPayment')}</option>
            {PAYMENT_STATES.map((p) => (
              <option key={p} value={p}>
                {t(paymentStateLabel(p))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('ordersAdmin.from')}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('ordersAdmin.to')}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </fieldset>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <p aria-live="polite" className="visually-hidden">
        {page.data ? t('ordersAdmin.count', { count: page.data.items.length }) : ''}
      </p>
      <OrderTable orders={page.data?.items} caption={caption} />
      <Pager paging={paging} label={caption} />
    </>
  );
}

function OrderTable({ orders, caption }: { orders: AdminOrderSummary[] | undefined; caption: string }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ListTable
      caption={caption}
      head={
        <>
          <th scope="col">{t('ordersAdmin.col.number')}</th>
          <th scope="col">{t('ordersAdmin.col.created')}</th>
          <th scope="col">{t('ordersAdmin.col.customer')}</th>
          <th scope="col">{t('ordersAdmin.col.status')}</th>
          <th scope="col">{t('ordersAdmin.col.channel')}</th>
          <th scope="col">{t('ordersAdmin.col.payment')}</th>
          <th scope="col" className="num">
            {t('ordersAdmin.col.total')}
          </th>
        </>
      }
    >
      {orders?.map((o) => (
        <tr key={o.id}>
          <th scope="row">
            <a href={`#/orders/${encodeURIComponent(o.id)}`}>{o.number}</a>
            {o.externalReference && <div className="orders-ref">{o.externalReference}</div>}
          </th>
          <td>{formatDateTime(o.createdAt, locale)}</td>
          <td>
            {o.customer.name}
            <div className="orders-ref">{o.customer.email}</div>
          </td>
          <td>
            <span className={`orders-status orders-status-${o.status}`}>{t(statusLabel(o.status))}</span>
            {o.lockedBy && <div className="orders-ref">🔒 {o.lockedBy}</div>}
          </td>
          <td>{o.channelName ?? t(channelLabel(o.channel))}</td>
          <PaymentCell summary={o} />
          <td className="num">{formatPrice(o.total, locale)}</td>
        </tr>
      ))}
      {orders?.length === 0 && (
        <tr>
          <td colSpan={7}>{t('ordersAdmin.none')}</td>
        </tr>
      )}
    </ListTable>
  );
}

/** The payment's status, and under it the method ("Faktura", "Betald på marknadsplats", …). */
function PaymentCell({ summary }: { summary: AdminOrderSummary }) {
  const t = useT();
  const method = paymentMethodLabelOf(summary.paymentMethod);
  return (
    <td>
      {summary.paymentStatus ? t(paymentStatusLabel(summary.paymentStatus)) : '–'}
      <div className="orders-ref">{method ? t(method) : summary.paymentMethod}</div>
    </td>
  );
}
