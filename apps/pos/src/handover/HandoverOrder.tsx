// One looked-up web order at the counter: what is in the parcel, how it is paid, what to offer
// with it, and what the cashier can do now (hand over, ring up, take back).
import type { AddOnSuggestion, HandoverView, OrderLine } from '@handla/api';
import { formatDateTime, type Translate, useLocale, useT } from '@handla/ui';
import { useFormatAmount } from '../format';
import { LINE_STATE_LABEL, ORDER_STATUS_LABEL, PAYMENT_STATUS_LABEL } from '../orders/labels';
import { PickupTime } from '../orders/PickupTime';
import { type BlockedReason, blockedReasonOf, isStruckThrough } from './handover-cart';

export interface HandoverOrderProps {
  view: HandoverView;
  /** The register's own id: a lock held by this register is not news to the cashier. */
  registerId: string;
  /** The register's store: another store's order is not handed over here. */
  storeId: string;
  chosenAddOns: ReadonlySet<string>;
  onToggleAddOn: (suggestion: AddOnSuggestion) => void;
  busy: boolean;
  canRingUp: boolean;
  onHandOver: () => void;
  onRingUp: () => void;
  onSellAddOns: () => void;
  /** Opens the return form of a collected order paid online; null when it cannot be returned here. */
  onStartReturn: (() => void) | null;
  /** A pay-in-store order that was collected: returned against its receipt, not here. */
  isReturnedAtReceipt: boolean;
}

function blockedText(reason: BlockedReason, t: Translate): string {
  switch (reason.kind) {
    case 'otherStore':
      return t('pos.orders.handover.blockedOtherStore', { store: reason.store });
    case 'collected':
      return t('pos.orders.handover.blockedCollected');
    case 'cancelled':
      return t('pos.orders.handover.blockedCancelled');
    case 'notReady':
      return t('pos.orders.handover.blockedNotReady', { status: t(ORDER_STATUS_LABEL[reason.status]) });
    case 'unpaid':
      return t('pos.orders.handover.blockedUnpaid', { payment: t(PAYMENT_STATUS_LABEL[reason.payment]) });
    case 'server':
      return reason.text;
  }
}

// Only what changed at the store is worth a word here: removed, substituted, shipped home, returned.
function LineState({ line }: { line: OrderLine }) {
  const t = useT();
  const label = line.state === 'open' || line.state === 'picked' ? null : t(LINE_STATE_LABEL[line.state]);
  if (!label && line.returnedQuantity === 0) return null;
  return (
    <div className="small handover-line-state">
      {label}
      {label && line.note ? `: ${line.note}` : ''}
      {line.returnedQuantity > 0 && (
        <span> {t('pos.orders.handover.returnedCount', { count: line.returnedQuantity })}</span>
      )}
    </div>
  );
}

export function HandoverOrder(props: HandoverOrderProps) {
  const { view, chosenAddOns } = props;
  const { order } = view;
  const t = useT();
  const { locale } = useLocale();
  const formatAmount = useFormatAmount(order.amountDue.currency);
  const headingId = `handover-order-${order.id}`;
  const lock = order.lockedBy && order.lockedBy.id !== props.registerId ? order.lockedBy : null;
  const canAct = !props.busy && lock === null;
  const blocked = blockedReasonOf(view, props.storeId);

  return (
    <article
      className="card stack handover-order"
      aria-labelledby={headingId}
      data-order-number={order.number}
    >
      <h3 id={headingId}>{t('pos.orders.handover.orderHeading', { number: order.number })}</h3>
      <dl className="handover-facts">
        <div>
          <dt>{t('pos.orders.handover.customer')}</dt>
          <dd>{order.customer.name}</dd>
        </div>
        {order.fulfilment.kind === 'pickup' && (
          <div>
            <dt>{t('pos.orders.handover.pickupTime')}</dt>
            <dd>
              <PickupTime order={order} />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('pos.orders.handover.payment')}</dt>
          <dd data-testid="handover-payment">{t(PAYMENT_STATUS_LABEL[order.payment.status])}</dd>
        </div>
        {/* Once collected or cancelled nothing is due any more; the lines and payment tell the rest. */}
        {order.status !== 'collected' && order.status !== 'cancelled' && (
          <div className="totals-total">
            <dt>
              {order.payment.method === 'in_store'
                ? t('pos.orders.handover.amountDue')
                : t('pos.orders.handover.amountToCapture')}
            </dt>
            <dd data-testid="handover-amount-due">{formatAmount(order.amountDue.amount)}</dd>
          </div>
        )}
      </dl>

      <table className="cart-lines handover-lines" aria-label={t('pos.orders.handover.lines')}>
        <thead>
          <tr>
            <th scope="col">{t('pos.orders.handover.item')}</th>
            <th scope="col" className="number">
              {t('pos.orders.handover.quantity')}
            </th>
            <th scope="col" className="number">
              {t('pos.orders.handover.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((line) => {
            // Removed and substituted lines stay visible, struck through, with the note under them.
            const struck = isStruckThrough(line) ? ' handover-struck' : '';
            return (
              <tr key={line.id} className={`handover-line${struck}`}>
                <th scope="row">
                  <span className={`handover-line-name${struck}`}>
                    {line.productName}
                    {line.variantName && <span className="muted"> {line.variantName}</span>}
                  </span>
                  <div className="muted small">
                    {line.sku} · {formatAmount(line.unitPrice.amount)}
                  </div>
                  <LineState line={line} />
                </th>
                <td className={`number${struck}`}>{line.quantity}</td>
                <td className={`number${struck}`}>{formatAmount(line.lineTotal.amount)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {lock && (
        <p className="notice notice-warning" role="alert">
          {t('pos.orders.handover.lockedBy', { name: lock.name })}
        </p>
      )}
      {/* A collected order says when it was collected instead (below). */}
      {blocked && blocked.kind !== 'collected' && (
        <p className="notice notice-warning" role="alert">
          {t('pos.orders.handover.blocked', { reason: blockedText(blocked, t) })}
        </p>
      )}
      {order.collectedAt && (
        <p>{t('pos.orders.handover.collectedAt', { time: formatDateTime(order.collectedAt, locale) })}</p>
      )}

      {view.suggestions.length > 0 && view.handover !== 'none' && (
        <section className="stack" aria-labelledby={`${headingId}-addons`}>
          <h4 id={`${headingId}-addons`}>{t('pos.orders.handover.suggestions')}</h4>
          <ul className="handover-addons">
            {view.suggestions.map((s) => (
              <li key={s.skuId}>
                <button
                  type="button"
                  className={chosenAddOns.has(s.skuId) ? 'button button-primary' : 'button'}
                  aria-pressed={chosenAddOns.has(s.skuId)}
                  aria-label={t('pos.orders.handover.addOn', { name: s.name })}
                  onClick={() => props.onToggleAddOn(s)}
                >
                  <span>{s.name}</span>
                  <strong>{formatAmount(s.unitPrice.amount)}</strong>
                  <span className="muted small">
                    {t('pos.orders.handover.inStock', { count: s.available })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(view.handover === 'pay_in_store' || (view.handover === 'prepaid' && chosenAddOns.size > 0)) &&
        !props.canRingUp && (
          <p className="notice notice-warning" role="alert">
            {t('pos.orders.handover.finishSaleFirst')}
          </p>
        )}
      <div className="button-row">
        {view.handover === 'prepaid' && (
          <button
            type="button"
            className="button button-primary button-large"
            disabled={!canAct}
            onClick={props.onHandOver}
          >
            {props.busy ? t('pos.orders.handover.handingOver') : t('pos.orders.handover.handOver')}
          </button>
        )}
        {view.handover === 'prepaid' && chosenAddOns.size > 0 && (
          <button
            type="button"
            className="button"
            disabled={!canAct || !props.canRingUp}
            onClick={props.onSellAddOns}
          >
            {t('pos.orders.handover.sellAddOns')}
          </button>
        )}
        {view.handover === 'pay_in_store' && (
          <button
            type="button"
            className="button button-primary button-large"
            disabled={!canAct || !props.canRingUp}
            onClick={props.onRingUp}
          >
            {t('pos.orders.handover.ringUp')}
          </button>
        )}
        {props.onStartReturn && (
          <button type="button" className="button" disabled={props.busy} onClick={props.onStartReturn}>
            {t('pos.orders.handover.return')}
          </button>
        )}
      </div>
      {props.isReturnedAtReceipt && <p className="muted">{t('pos.orders.handover.payInStoreReturn')}</p>}
    </article>
  );
}

/** A search's orders, one button each: the cashier picks the one at the counter. */
export function OrderResults({
  results,
  onSelect,
}: {
  results: readonly HandoverView[];
  onSelect: (view: HandoverView) => void;
}) {
  const t = useT();
  const formatAmount = useFormatAmount(results[0]?.order.amountDue.currency ?? 'SEK');
  return (
    <ul className="plain-list" aria-label={t('pos.orders.handover.results')}>
      {results.map((item) => (
        <li key={item.order.id}>
          <button
            type="button"
            className="button search-result"
            data-order-number={item.order.number}
            onClick={() => onSelect(item)}
          >
            <span>
              {t('pos.orders.handover.orderHeading', { number: item.order.number })} ·{' '}
              {item.order.customer.name}
            </span>
            <strong>{formatAmount(item.order.amountDue.amount)}</strong>
          </button>
        </li>
      ))}
    </ul>
  );
}
