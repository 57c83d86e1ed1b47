// One order: its lines (editable until picking; disabled with the lock holder shown while
// picked), the payment panel (PaymentPanel.tsx) and the timeline.
import type { AdminOrder, OrderLine } from '@handla/api';
import { describeError, ErrorNotice, formatPrice, useApi, useLoader, useLocale, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { statusLabel } from './labels';
import { OrderTimelineList } from './OrderTimeline';
import { PaymentPanel } from './PaymentPanel';

export function OrderDetail({ id }: { id: string }) {
  const t = useT();
  const api = useApi();
  const loaded = useLoader(useCallback(() => api.ordersAdmin.get(id), [api, id]));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [generation, setGeneration] = useState(0);
  const data = loaded.data;
  // Every edit answers with the whole order: reload it and the timeline, and say how it went.
  const edit = async (work: () => Promise<AdminOrder>) => {
    try {
      await work();
      setStatus({ ok: true, text: t('ordersAdmin.saved') });
    } catch (error) {
      setStatus({ ok: false, text: describeError(error, t).message });
    }
    loaded.reload();
    setGeneration((g) => g + 1);
  };
  return (
    <>
      <p>
        <a href="#/orders">{t('ordersAdmin.back')}</a>
      </p>
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {data && (
        <article className="stack" aria-labelledby="order-heading">
          <h2 id="order-heading">
            {t('ordersAdmin.orderHeading', { number: data.order.number })} –{' '}
            {t(statusLabel(data.order.status))}
          </h2>
          <p>
            {data.order.customer.name} · {data.order.customer.email}
            {data.order.customer.phone ? ` · ${data.order.customer.phone}` : ''}
          </p>
          {data.externalReference && (
            <p>
              {t('ordersAdmin.externalRef', {
                channel: data.channelName ?? data.order.channel,
                reference: data.externalReference,
              })}
            </p>
          )}
          {data.erpNumber && (
            <p>
              {t('erpAdmin.orderErpNumber')}: <strong>{data.erpNumber}</strong>
            </p>
          )}
          {data.order.lockedBy ? (
            <p className="orders-locked" role="status">
              🔒 {t('ordersAdmin.locked', { name: data.order.lockedBy.name })}
            </p>
          ) : (
            !data.editable && <p>{t('ordersAdmin.notEditable')}</p>
          )}
          <p aria-live="polite" className={status?.ok === false ? 'error' : undefined}>
            {status?.text ?? ''}
          </p>
          <LineTable data={data} onEdit={edit} />
          {data.editable && (
            <AddLineForm
              onAdd={(skuId, quantity) => edit(() => api.ordersAdmin.addLine(id, { skuId, quantity }))}
            />
          )}
          <PaymentPanel data={data} />
          <OrderTimelineList key={generation} orderId={id} />
        </article>
      )}
    </>
  );
}

function LineTable({
  data,
  onEdit,
}: {
  data: AdminOrder;
  onEdit: (work: () => Promise<AdminOrder>) => Promise<void>;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('ordersAdmin.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ordersAdmin.col.sku')}</th>
            <th scope="col">{t('ordersAdmin.col.quantity')}</th>
            <th scope="col" className="num">
              {t('ordersAdmin.col.unitPrice')}
            </th>
            <th scope="col" className="num">
              {t('ordersAdmin.col.lineTotal')}
            </th>
            <th scope="col">{t('ordersAdmin.col.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ordersAdmin.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data.order.lines.map((line) => (
            <LineRow
              key={`${line.id}:${line.quantity}`}
              line={line}
              canEdit={data.editable && line.state === 'open'}
              onQuantity={(quantity) =>
                onEdit(() => api.ordersAdmin.changeLine(data.order.id, line.id, { quantity }))
              }
              onRemove={() => onEdit(() => api.ordersAdmin.removeLine(data.order.id, line.id))}
              locale={locale}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LineRow({
  line,
  canEdit,
  onQuantity,
  onRemove,
  locale,
}: {
  line: OrderLine;
  canEdit: boolean;
  onQuantity: (quantity: number) => Promise<void>;
  onRemove: () => Promise<void>;
  locale: 'sv' | 'en';
}) {
  const t = useT();
  const id = useId();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const label = `${line.productName}${line.variantName ? ` ${line.variantName}` : ''}`;
  return (
    <tr>
      <th scope="row">
        {label}
        <div className="orders-ref">{line.sku}</div>
      </th>
      <td>
        <form
          className="orders-qty"
          onSubmit={(e) => {
            e.preventDefault();
            void onQuantity(Number(quantity));
          }}
        >
          <label htmlFor={`${id}-qty`} className="visually-hidden">
            {t('ordersAdmin.quantityOf', { sku: line.sku })}
          </label>
          <input
            id={`${id}-qty`}
            type="number"
            min={1}
            max={999}
            value={quantity}
            disabled={!canEdit}
            onChange={(e) => setQuantity(e.target.value)}
          />
          {canEdit && Number(quantity) !== line.quantity && (
            <button type="submit" className="button">
              {t('ordersAdmin.save')}
            </button>
          )}
        </form>
      </td>
      <td className="num">{formatPrice(line.unitPrice, locale)}</td>
      <td className="num">
        {formatPrice(line.lineTotal, locale)}
        {/* Promotion discounts by name, already taken off the line total. */}
        {(line.discounts ?? []).map((d) => (
          <div key={d.ruleId} className="muted">
            {d.name} −{formatPrice(d.amount, locale)}
          </div>
        ))}
      </td>
      <td>{line.state}</td>
      <td>
        <button
          type="button"
          className="button button-quiet"
          disabled={!canEdit}
          aria-label={t('ordersAdmin.removeLine', { sku: line.sku })}
          onClick={() => void onRemove()}
        >
          {t('ordersAdmin.remove')}
        </button>
      </td>
    </tr>
  );
}

function AddLineForm({ onAdd }: { onAdd: (skuId: string, quantity: number) => Promise<void> }) {
  const t = useT();
  const id = useId();
  const [skuId, setSkuId] = useState('');
  const [quantity, setQuantity] = useState('1');
  return (
    <form
      className="orders-add"
      aria-labelledby={`${id}-heading`}
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd(skuId.trim(), Number(quantity)).then(() => setSkuId(''));
      }}
    >
      <h3 id={`${id}-heading`}>{t('ordersAdmin.addLine')}</h3>
      <div className="field">
        <label htmlFor={`${id}-sku`}>{t('ordersAdmin.skuId')}</label>
        <input id={`${id}-sku`} required value={skuId} onChange={(e) => setSkuId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-qty`}>{t('ordersAdmin.col.quantity')}</label>
        <input
          id={`${id}-qty`}
          type="number"
          min={1}
          max={999}
          required
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
        />
      </div>
      <button type="submit" className="button">
        {t('ordersAdmin.add')}
      </button>
    </form>
  );
}
