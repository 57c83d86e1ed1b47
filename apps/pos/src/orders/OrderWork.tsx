// One web order at the register: accept (the pick ticket prints), start picking, pick lines by
// tap or scan, substitute, remove or ship a line home, and mark the order ready for pickup.
import type { Order, OrderLine } from '@handla/api';
import { formatDateTime, useLocale, useT } from '@handla/ui';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useFormatAmount } from '../format';
import { findSkuByCode } from '../offline/db';
import { useRegister } from '../register-context';
import { useScanner } from '../scanner/useScanner';
import { RemoveLineForm, SubstituteForm } from './LineForms';
import { ORDER_STATUS_LABEL, PAYMENT_STATUS_LABEL } from './labels';
import { OrderError } from './OrderError';
import { type LinePanel, OrderLines } from './OrderLines';
import type { OrdersLiveValue } from './OrdersLive';
import { canWorkLines, isFullyResolved, nextStep, pickForScan, pickProgress } from './order-work';
import { PickupTime } from './PickupTime';
import { ShipHomeForm } from './ShipHomeForm';

type Panel = { kind: LinePanel; line: OrderLine } | null;

export function OrderWork({
  live,
  order,
  onBack,
}: {
  live: OrdersLiveValue;
  order: Order;
  onBack: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { db, device, setup } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const { api, dispatch } = live;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [panel, setPanel] = useState<Panel>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const collectBy = live.queue.items.find((i) => i.order.id === order.id)?.collectBy ?? null;
  const step = nextStep(order);
  const isPicking = canWorkLines(order);
  const progress = pickProgress(order);
  // The lock this register holds itself is no news; another holder is.
  const isLockedHere = order.lockedBy?.kind === 'register' && order.lockedBy.id === device.registerId;

  /** Runs one action; the answer is the order as it now is. Returns whether it succeeded. */
  async function run(action: () => Promise<Order>, done?: (order: Order) => string): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      dispatch({ type: 'order', order: updated, now: new Date() });
      if (done) setStatus(done(updated));
      return true;
    } catch (e) {
      setError(e);
      setStatus('');
      // A refusal may mean the order changed elsewhere (locked, moved on): read the queue again.
      live.reload();
      return false;
    } finally {
      setBusy(false);
    }
  }

  function accept() {
    void run(async () => {
      const result = await api.accept(order.id);
      setStatus(
        result.pickTicket.printed
          ? t('pos.orders.work.printed', { number: order.number })
          : t('pos.orders.work.notPrinted', { number: order.number, reason: result.pickTicket.error ?? '' }),
      );
      return result.order;
    });
  }

  async function onScan(code: string) {
    const item = await findSkuByCode(db, code);
    if (!item) return setStatus(t('pos.orders.scan.unknown', { code }));
    const pick = pickForScan(order, item.skuId);
    const name = locale === 'sv' ? item.name.sv : item.name.en || item.name.sv;
    if (!pick) return setStatus(t('pos.orders.scan.notInOrder', { name }));
    await run(
      () => api.pickLine(order.id, pick.line.id, pick.quantity),
      () => t('pos.orders.scan.picked', { name, picked: pick.quantity, quantity: pick.line.quantity }),
    );
  }
  useScanner((code) => void onScan(code), isPicking && panel === null && !busy);

  const closePanel = () => setPanel(null);
  const runLine = (action: () => Promise<Order>) => run(action).then((ok) => ok && closePanel());

  // Escape closes the open panel, else goes back to the list — also when the focus left the page
  // content (the button pressed last may be gone).
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !panel) return;
    event.preventDefault();
    closePanel();
  }
  const onBackRef = useRef(onBack);
  onBackRef.current = onBack;
  useEffect(() => {
    const onWindowKey = (event: globalThis.KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onBackRef.current();
    };
    window.addEventListener('keydown', onWindowKey);
    return () => window.removeEventListener('keydown', onWindowKey);
  }, []);

  return (
    <section className="order-work stack" aria-labelledby="order-work-heading" onKeyDown={onKeyDown}>
      <div className="button-row">
        <button type="button" className="button" onClick={onBack}>
          <span aria-hidden="true">← </span>
          {t('pos.orders.work.back')}
        </button>
      </div>
      <h2 id="order-work-heading" ref={headingRef} tabIndex={-1} data-order-number={order.number}>
        {t('pos.orders.work.heading', { number: order.number })}
      </h2>
      <dl className="totals order-facts">
        <div>
          <dt>{t('pos.orders.work.status')}</dt>
          <dd data-testid="order-status">{t(ORDER_STATUS_LABEL[order.status])}</dd>
        </div>
        <div>
          <dt>{t('pos.orders.work.customer')}</dt>
          <dd>
            {order.customer.name}
            {order.customer.phone && <span className="muted small"> {order.customer.phone}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('pos.orders.work.pickup')}</dt>
          <dd>
            <PickupTime order={order} />
          </dd>
        </div>
        {collectBy && (
          <div>
            <dt>{t('pos.orders.work.collectBy')}</dt>
            <dd>{formatDateTime(collectBy, locale)}</dd>
          </div>
        )}
        <div>
          <dt>{t('pos.orders.work.payment')}</dt>
          <dd>{t(PAYMENT_STATUS_LABEL[order.payment.status])}</dd>
        </div>
        <div>
          <dt>{t('pos.orders.work.total')}</dt>
          <dd>{formatAmount(order.totals.total.amount)}</dd>
        </div>
        <div className="totals-total">
          <dt>{t('pos.orders.work.amountDue')}</dt>
          <dd data-testid="order-amount-due">{formatAmount(order.amountDue.amount)}</dd>
        </div>
      </dl>
      {order.lockedBy && !isLockedHere && (
        <p className="notice notice-warning">
          {t('pos.orders.work.lockedBy', { name: order.lockedBy.name })}
        </p>
      )}
      <p role="status" className="sale-status" data-testid="order-work-status">
        {busy ? t('pos.orders.work.busy') : status}
      </p>
      {error !== null && <OrderError error={error} order={order} />}
      <div className="button-row">
        {step === 'accept' && (
          <button type="button" className="button button-primary" disabled={busy} onClick={accept}>
            {t('pos.orders.work.accept')}
          </button>
        )}
        {step === 'startPicking' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() =>
              void run(
                () => api.startPicking(order.id),
                () => t('pos.orders.work.pickingStarted', { number: order.number }),
              )
            }
          >
            {t('pos.orders.work.startPicking')}
          </button>
        )}
        {step === 'markReady' && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            aria-describedby="order-ready-hint"
            onClick={() =>
              void run(
                () => api.markReady(order.id),
                () => t('pos.orders.work.isReady', { number: order.number }),
              )
            }
          >
            {t('pos.orders.work.markReady')}
          </button>
        )}
      </div>
      {step === 'markReady' && (
        <p id="order-ready-hint" className="muted">
          {t('pos.orders.work.progress', progress)} · {t('pos.orders.work.scanHint')}{' '}
          {!isFullyResolved(order) && t('pos.orders.work.readyHint')}
        </p>
      )}
      {panel?.kind === 'substitute' && (
        <SubstituteForm
          line={panel.line}
          busy={busy}
          onCancel={closePanel}
          onSubmit={(body) => runLine(() => api.substituteLine(order.id, panel.line.id, body))}
        />
      )}
      {panel?.kind === 'remove' && (
        <RemoveLineForm
          line={panel.line}
          busy={busy}
          onCancel={closePanel}
          onSubmit={(note) => runLine(() => api.removeLine(order.id, panel.line.id, note))}
        />
      )}
      {panel?.kind === 'ship' && (
        <ShipHomeForm
          line={panel.line}
          busy={busy}
          customerName={order.customer.name}
          loadAvailability={() => api.lineAvailability(order.id, panel.line.id)}
          onCancel={closePanel}
          onSubmit={(body) => runLine(() => api.shipLineHome(order.id, panel.line.id, body))}
        />
      )}
      <OrderLines
        order={order}
        busy={busy}
        canWork={isPicking}
        onPick={(line) => void run(() => api.pickLine(order.id, line.id, line.quantity))}
        onPanel={(kind, line) => setPanel({ kind, line })}
      />
    </section>
  );
}
