// Hand-over at the counter: scan the shopper's pickup code (or search), then hand over a prepaid
// order, ring up a pay-in-store one as an ordinary sale, or take back goods of a collected one.
import { type AddOnSuggestion, ApiError, type HandoverView } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { newId, useFormatAmount } from '../format';
import { useRegister } from '../register-context';
import type { Cart } from '../sale/cart';
import { useScanner } from '../scanner/useScanner';
import { HandoverOrder, OrderResults } from './HandoverOrder';
import { handoverApi } from './handover-api';
import { returnableOrderLines } from './handover-cart';
import { addOnSale, webOrderSale } from './ring-up';
import { WebOrderReturn } from './WebOrderReturn';

export interface HandoverScreenProps {
  /** Pay in store: put the order (and add-ons) in the sale cart and go to the sale. */
  onRingUp: (cart: Cart) => void;
  /** The current cart is empty, so a web order can be rung up. */
  canRingUp: boolean;
}

/** What a lookup is for: the exact pickup code, or a search by order number or name. */
type Lookup = { code: string } | { q: string };

export function HandoverScreen({ onRingUp, canRingUp }: HandoverScreenProps) {
  const t = useT();
  const { db, device, cashier, isOnline, setup } = useRegister();
  const api = useMemo(() => handoverApi(device.registerId, device.deviceToken), [device]);
  const formatAmount = useFormatAmount(setup.company.currency);
  const codeRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<HandoverView[]>([]);
  const [view, setView] = useState<HandoverView | null>(null);
  const [chosen, setChosen] = useState<AddOnSuggestion[]>([]);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [lockMessage, setLockMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [isReturning, setReturning] = useState(false);
  // One key per order for as long as the screen is open: pressing "Lämna ut" again after a lost
  // answer (or after scanning the same code again) captures once.
  const handoverKeys = useRef(new Map<string, string>());
  // Only the latest lookup may show its answer: a slow earlier one must not replace a newer scan.
  const lookupSeq = useRef(0);

  useEffect(() => codeRef.current?.focus(), []);

  function select(next: HandoverView) {
    setView(next);
    setResults([]);
    setChosen([]);
    setReturning(false);
  }

  function handoverKeyOf(orderId: string): string {
    const key = handoverKeys.current.get(orderId) ?? newId('ho');
    handoverKeys.current.set(orderId, key);
    return key;
  }

  function clear() {
    setCode('');
    setQuery('');
    setResults([]);
    setView(null);
    setChosen([]);
    setStatus('');
    setError(null);
    setLockMessage(null);
    setReturning(false);
    codeRef.current?.focus();
  }

  async function find(lookup: Lookup, shown: string) {
    setError(null);
    setLockMessage(null);
    if (!isOnline) return setStatus(t('pos.orders.handover.needsOnline'));
    setStatus(t('pos.orders.handover.loading'));
    const seq = ++lookupSeq.current;
    try {
      const { items } = 'code' in lookup ? await api.lookupByCode(lookup.code) : await api.search(lookup.q);
      if (seq !== lookupSeq.current) return;
      if (items.length === 0) {
        setView(null);
        setResults([]);
        return setStatus(t('pos.orders.handover.notFound', { query: shown }));
      }
      if (items.length === 1) {
        select(items[0]!);
        return setStatus('');
      }
      setView(null);
      setResults(items);
      setStatus(t('pos.orders.handover.resultCount', { count: items.length }));
    } catch (e) {
      if (seq !== lookupSeq.current) return;
      setStatus('');
      setError(e);
    }
  }

  function submitCode(event: FormEvent) {
    event.preventDefault();
    const text = code.trim();
    // Cleared first: the next scan may already be typing into the field.
    setCode('');
    if (text) void find({ code: text }, text);
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    const text = query.trim();
    if (text) void find({ q: text }, text);
  }

  // A scan while the focus is elsewhere on this screen (the search box, a button) is a pickup code too.
  useScanner((scanned) => void find({ code: scanned }, scanned));

  // 409 order_locked: look the order up again so the words name whoever holds it now.
  async function showFailure(e: unknown, current: HandoverView) {
    if (!(e instanceof ApiError && e.problem.code === 'order_locked')) return setError(e);
    const again = await api.search(current.order.number).catch(() => null);
    const fresh = again?.items.find((item) => item.order.id === current.order.id);
    if (fresh) setView(fresh);
    const name = fresh?.order.lockedBy?.name ?? e.problem.detail ?? e.problem.title;
    setLockMessage(t('pos.orders.handover.orderLocked', { name }));
  }

  async function handOver() {
    if (!view) return;
    setBusy(true);
    setError(null);
    setLockMessage(null);
    try {
      const order = await api.handOver(view.order.id, {
        cashierId: cashier.staffId,
        idempotencyKey: handoverKeyOf(view.order.id),
      });
      setView({ ...view, order, handover: 'none', blockedReason: null });
      setStatus(
        t('pos.orders.handover.handedOver', {
          number: order.number,
          amount: formatAmount(order.payment.captured.amount),
        }),
      );
      // Ready for the next shopper's code.
      codeRef.current?.focus();
    } catch (e) {
      await showFailure(e, view);
    } finally {
      setBusy(false);
    }
  }

  async function ringUp() {
    if (!view || !canRingUp) return;
    const sale = await webOrderSale(db, view.order, chosen);
    if ('cart' in sale) return onRingUp(sale.cart);
    const number = view.order.number;
    setStatus(
      sale.pending.kind === 'queued'
        ? t('pos.orders.handover.alreadyQueued', { number, receipt: sale.pending.receiptNumber })
        : t('pos.orders.handover.alreadyParked', { number }),
    );
  }

  async function sellAddOns() {
    if (canRingUp && chosen.length > 0) onRingUp(await addOnSale(db, chosen));
  }

  function toggleAddOn(suggestion: AddOnSuggestion) {
    setChosen((current) =>
      current.some((s) => s.skuId === suggestion.skuId)
        ? current.filter((s) => s.skuId !== suggestion.skuId)
        : [...current, suggestion],
    );
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      clear();
    }
  }

  const order = view?.order ?? null;
  const canReturnHere =
    order !== null && order.payment.method !== 'in_store' && returnableOrderLines(order).length > 0;

  return (
    <section className="card stack handover" aria-labelledby="handover-heading" onKeyDown={onKeyDown}>
      <h2 id="handover-heading">{t('pos.orders.handover.heading')}</h2>
      <form onSubmit={submitCode} className="search-row">
        <label className="field">
          <span>{t('pos.orders.handover.code')}</span>
          <input
            ref={codeRef}
            data-scan-field=""
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            autoCapitalize="characters"
            enterKeyHint="go"
            aria-describedby="handover-code-hint"
          />
        </label>
        <button type="submit" className="button">
          {t('pos.orders.handover.find')}
        </button>
      </form>
      <p id="handover-code-hint" className="muted small">
        {t('pos.orders.handover.codeHint')}
      </p>
      <form onSubmit={submitSearch} className="search-row">
        <label className="field">
          <span>{t('pos.orders.handover.search')}</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </label>
        <button type="submit" className="button">
          {t('pos.orders.handover.searchSubmit')}
        </button>
        <button type="button" className="button button-quiet" onClick={clear}>
          {t('pos.orders.handover.clear')}
        </button>
      </form>
      <p role="status" aria-live="polite" className="sale-status">
        {status}
      </p>
      {error !== null && <ErrorNotice error={error} />}
      {lockMessage && (
        <p className="notice notice-error" role="alert">
          {lockMessage}
        </p>
      )}
      {results.length > 0 && <OrderResults results={results} onSelect={select} />}
      {view && (
        <HandoverOrder
          view={view}
          registerId={device.registerId}
          storeId={device.storeId}
          chosenAddOns={new Set(chosen.map((s) => s.skuId))}
          onToggleAddOn={toggleAddOn}
          busy={busy}
          canRingUp={canRingUp}
          onHandOver={() => void handOver()}
          onRingUp={() => void ringUp()}
          onSellAddOns={() => void sellAddOns()}
          onStartReturn={canReturnHere && !isReturning ? () => setReturning(true) : null}
          isReturnedAtReceipt={order?.status === 'collected' && order.payment.method === 'in_store'}
        />
      )}
      {view && isReturning && (
        <WebOrderReturn
          key={view.order.id}
          order={view.order}
          api={api}
          cashierId={cashier.staffId}
          onReturned={(result) => {
            setView({ ...view, order: result.order });
            setReturning(false);
            setStatus(t('pos.orders.handover.returned', { amount: formatAmount(result.refunded.amount) }));
          }}
          onError={(e) => void showFailure(e, view)}
          onCancel={() => setReturning(false)}
        />
      )}
    </section>
  );
}
