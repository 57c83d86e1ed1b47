// Returns: against a receipt (its number typed, or its QR/number scanned) the lines are offered and
// refunded to the original means of payment; without a receipt a manager's number and PIN are needed.
import type { ReceiptDetail, RegisterCatalogItem } from '@handla/api';
import type { PaymentInput, RegisterPaymentMethod } from '@handla/core';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { CreditNoteChoice } from '../extras/CreditNoteChoice';
import { creditNoteRefund } from '../extras/credit-note';
import { newId, useFormatAmount } from '../format';
import { findSkuByCode, getCashier } from '../offline/db';
import { METHOD_LABELS } from '../pay/PaymentPanel';
import { useRegister } from '../register-context';
import type { Cart } from '../sale/cart';
import { verifyPinOffline } from '../setup/pin';
import { refundOf, returnableLines, returnCartOf, returnCartWithoutReceipt } from './return-cart';

type ReturnOf = {
  originalReceiptId: string | null;
  originalReceiptNumber?: number;
  approval?: { staffNumber: string; pin: string };
};

export function ReturnScreen({
  busy,
  error,
  onComplete,
}: {
  busy: boolean;
  error: string | null;
  onComplete: (cart: Cart, payments: PaymentInput[], returnOf: ReturnOf) => Promise<void>;
}) {
  const t = useT();
  const { db, api, isOnline, setup, cashier } = useRegister();
  const currency = setup.company.currency;
  const formatAmount = useFormatAmount(currency);
  const [code, setCode] = useState('');
  const [original, setOriginal] = useState<ReceiptDetail | null>(null);
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const [approval, setApproval] = useState<{ staffNumber: string; pin: string } | null>(null);
  const [managerNumber, setManagerNumber] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const [items, setItems] = useState<RegisterCatalogItem[]>([]);
  const [itemCode, setItemCode] = useState('');
  const [refundMethod, setRefundMethod] = useState<RegisterPaymentMethod>('cash');
  const [creditNoteCode, setCreditNoteCode] = useState<string | null>(null);
  const isWithoutReceipt = approval !== null || cashier.role !== 'cashier' ? original === null : false;

  async function findReceipt(event: FormEvent) {
    event.preventDefault();
    setLookupError(null);
    setMessage(null);
    if (!isOnline) return setMessage(t('pos.return.needsOnline'));
    try {
      const text = code.trim();
      // The QR carries the receipt id; a typed number is looked up in this register's series.
      const id = /^\d+$/.test(text)
        ? (await api.searchReceipts({ number: Number(text) })).items[0]?.id
        : text;
      if (!id) return setMessage(t('pos.return.notFound'));
      const detail = await api.receipt(id);
      setOriginal(detail);
      setQuantities({});
      setRefundMethod((detail.payments[0]?.method as RegisterPaymentMethod | undefined) ?? 'cash');
    } catch (e) {
      setLookupError(e);
    }
  }

  async function approve(event: FormEvent) {
    event.preventDefault();
    const manager = await getCashier(db, managerNumber.trim());
    const isValid =
      manager && manager.role !== 'cashier' ? await verifyPinOffline(managerPin, manager.pinHash) : false;
    setManagerPin('');
    if (!isValid) return setMessage(t('pos.return.managerWrong'));
    setMessage(null);
    setApproval({ staffNumber: managerNumber.trim(), pin: managerPin });
  }

  async function addItem(event: FormEvent) {
    event.preventDefault();
    const item = await findSkuByCode(db, itemCode);
    if (!item) return setMessage(t('pos.sale.unknownCode', { code: itemCode }));
    setItems([...items, item]);
    setItemCode('');
  }

  const cart: Cart | null = original
    ? returnCartOf(original, quantities, newId('ret'))
    : items.length > 0
      ? returnCartWithoutReceipt(items, newId('ret'))
      : null;
  // Return lines take no discount, so the refund is the sum of the lines.
  const total = cart ? cart.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceInclVat, 0) : 0;

  async function submit() {
    if (!cart || cart.lines.length === 0) return setMessage(t('pos.return.nothingPicked'));
    const refund = creditNoteCode
      ? creditNoteRefund(total, creditNoteCode)
      : refundOf(total, refundMethod, currency);
    await onComplete(cart, refund, {
      originalReceiptId: original?.id ?? null,
      ...(original ? { originalReceiptNumber: original.number } : {}),
      ...(approval ? { approval } : {}),
    }).catch(() => {});
  }

  return (
    <section className="card stack" aria-labelledby="return-heading">
      <h2 id="return-heading">{t('pos.return.heading')}</h2>
      {!original && (
        <form onSubmit={findReceipt} className="search-row">
          <label className="field">
            <span>{t('pos.return.receiptNumber')}</span>
            <input
              data-scan-field=""
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoComplete="off"
            />
          </label>
          <button type="submit" className="button">
            {t('pos.return.find')}
          </button>
        </form>
      )}
      {message && (
        <p className="notice notice-warning" role="alert">
          {message}
        </p>
      )}
      {lookupError !== null && <ErrorNotice error={lookupError} />}
      {original && (
        <fieldset className="stack">
          <legend>{t('pos.return.pick')}</legend>
          {returnableLines(original).map((line) => (
            <label key={line.lineNo} className="field return-line">
              <span>
                {t('pos.return.quantity', { name: line.name })} (
                {t('pos.return.maxQuantity', { count: line.returnable })})
              </span>
              <input
                type="number"
                min={0}
                max={line.returnable}
                value={quantities[line.lineNo] ?? 0}
                onChange={(e) =>
                  setQuantities({
                    ...quantities,
                    [line.lineNo]: Math.max(0, Math.min(line.returnable, Number(e.target.value) || 0)),
                  })
                }
              />
            </label>
          ))}
          <p>{t('pos.return.refundTo', { methods: t(METHOD_LABELS[refundMethod]) })}</p>
        </fieldset>
      )}
      {!original && (
        <details className="stack">
          <summary>{t('pos.return.withoutReceipt')}</summary>
          {cashier.role === 'cashier' && !approval ? (
            <form onSubmit={approve} className="stack">
              <p>{t('pos.return.managerNeeded')}</p>
              <label className="field">
                <span>{t('pos.return.managerNumber')}</span>
                <input
                  inputMode="numeric"
                  value={managerNumber}
                  onChange={(e) => setManagerNumber(e.target.value)}
                />
              </label>
              <label className="field">
                <span>{t('pos.return.managerPin')}</span>
                <input
                  type="password"
                  inputMode="numeric"
                  value={managerPin}
                  onChange={(e) => setManagerPin(e.target.value)}
                />
              </label>
              <button type="submit" className="button">
                {t('pos.signIn.submit')}
              </button>
            </form>
          ) : (
            <div className="stack">
              <form onSubmit={addItem} className="search-row">
                <label className="field">
                  <span>{t('pos.sale.scanOrSearch')}</span>
                  <input data-scan-field="" value={itemCode} onChange={(e) => setItemCode(e.target.value)} />
                </label>
              </form>
              <ul className="plain-list">
                {items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are only appended
                  <li key={i}>
                    {item.name.sv} {formatAmount(item.unitPriceInclVat)}
                  </li>
                ))}
              </ul>
              <label className="field">
                <span>{t('pos.return.refundMethod')}</span>
                <select
                  value={refundMethod}
                  onChange={(e) => setRefundMethod(e.target.value as RegisterPaymentMethod)}
                >
                  {(['cash', 'card_standalone', 'swish'] as const).map((m) => (
                    <option key={m} value={m}>
                      {t(METHOD_LABELS[m])}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
        </details>
      )}
      {cart && cart.lines.length > 0 && (
        <CreditNoteChoice code={creditNoteCode} onChange={setCreditNoteCode} />
      )}
      {cart && cart.lines.length > 0 && (
        <p className="totals-total">
          {t('pos.sale.total')}: {formatAmount(total)}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <button
        type="button"
        className="button button-primary button-large"
        disabled={busy || !cart || cart.lines.length === 0 || (original === null && !isWithoutReceipt)}
        onClick={() => void submit()}
      >
        {t('pos.return.complete')}
      </button>
    </section>
  );
}
