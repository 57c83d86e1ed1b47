// Taking payment: one or more methods until the total is settled. Card on a standalone terminal and
// Swish are confirmed by the cashier; cash shows the rounding as its own line and the change; the
// linked terminal is sent the amount (TerminalPayment); a voucher is checked first (VoucherPayment);
// an invoice is checked against the customer's credit limit while online (invoice-credit.ts).
import {
  type ComputedReceipt,
  type PaymentInput,
  parseMajorAmount,
  type RegisterPaymentMethod,
} from '@handla/core';
import type { MessageKey } from '@handla/ui';
import { useT } from '@handla/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useFormatAmount } from '../format';
import { useRegister } from '../register-context';
import { InvoiceCreditNotice } from './InvoiceCreditNotice';
import { invoiceAmountToCheck } from './invoice-credit';
import { cashDueOf, cashPaymentOf, isSettled, remainingOf } from './payments';
import { TerminalPayment } from './TerminalPayment';
import { useInvoiceCredit } from './useInvoiceCredit';
import { VoucherPayment } from './VoucherPayment';

const METHODS: { method: RegisterPaymentMethod; label: MessageKey }[] = [
  { method: 'cash', label: 'pos.pay.cash' },
  { method: 'card_terminal', label: 'pos.pay.cardTerminal' },
  { method: 'card_standalone', label: 'pos.pay.card' },
  { method: 'swish', label: 'pos.pay.swish' },
  { method: 'gift_card', label: 'pos.pay.giftCard' },
  { method: 'voucher', label: 'pos.pay.voucher' },
  { method: 'invoice', label: 'pos.pay.invoice' },
];

// These take their payment through their own flow rather than the amount form.
const HAS_OWN_FLOW: readonly RegisterPaymentMethod[] = ['card_terminal', 'voucher'];

export const METHOD_LABELS: Record<RegisterPaymentMethod, MessageKey> = {
  cash: 'pos.pay.cash',
  card_standalone: 'pos.pay.card',
  card_terminal: 'pos.pay.cardTerminal',
  swish: 'pos.pay.swish',
  gift_card: 'pos.pay.giftCard',
  voucher: 'pos.pay.voucher',
  invoice: 'pos.pay.invoice',
};

export function PaymentPanel({
  receipt,
  customerId,
  busy,
  error,
  onComplete,
  onBack,
}: {
  /** The receipt as rung up (exact total; cash rounding comes with a cash payment). */
  receipt: ComputedReceipt;
  /** The customer on the sale: an invoice needs one, and is checked against their credit limit. */
  customerId: string | null;
  busy: boolean;
  error: string | null;
  onComplete: (payments: PaymentInput[]) => void;
  onBack: () => void;
}) {
  const t = useT();
  const { currency, total } = receipt;
  const formatAmount = useFormatAmount(currency);
  const { isOnline } = useRegister();
  const credit = useInvoiceCredit(customerId);
  const [payments, setPayments] = useState<PaymentInput[]>([]);
  const [method, setMethod] = useState<RegisterPaymentMethod | null>(null);
  const [amountText, setAmountText] = useState('');
  const [reference, setReference] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);

  const remaining = remainingOf(total, payments);
  const cash = cashDueOf(remaining, currency);
  const settled = payments.length > 0 && isSettled(total, payments, currency);
  // A gift card cannot pay for a gift card (the core refuses it too).
  const giftCardLinesTotal = receipt.lines.filter((l) => l.giftCard).reduce((s, l) => s + l.amountInclVat, 0);

  useEffect(() => {
    if (method) amountRef.current?.focus();
  }, [method]);

  function choose(next: RegisterPaymentMethod) {
    setMethod(next);
    setFormError(null);
    setReference('');
    credit.reset();
    const suggested = next === 'cash' ? cash.due : remaining;
    setAmountText((suggested / 100).toFixed(2).replace('.', ','));
  }

  async function addPayment(event: FormEvent) {
    event.preventDefault();
    if (!method || credit.isChecking) return;
    let amount: number;
    try {
      amount = parseMajorAmount(amountText, currency);
    } catch {
      return setFormError(t('pos.pay.badAmount'));
    }
    if (amount <= 0) return setFormError(t('pos.pay.badAmount'));
    if (method === 'invoice' && !customerId) return setFormError(t('pos.pay.invoiceNeedsCustomer'));
    if ((method === 'gift_card' || method === 'invoice') && reference.trim() === '') {
      return setFormError(t('pos.pay.referenceRequired'));
    }
    if (method === 'gift_card' && giftCardLinesTotal > 0 && amount > total - giftCardLinesTotal) {
      return setFormError(t('pos.extras.giftCard.note'));
    }
    let payment: PaymentInput;
    if (method === 'cash') {
      if (amount < cash.due && payments.every((p) => p.method === 'cash')) {
        // Part in cash is fine; the rest can follow by another method.
        payment = { method: 'cash', amount, tendered: amount };
      } else {
        payment = cashPaymentOf(amount, remaining, currency);
      }
    } else {
      if (amount > remaining) return setFormError(t('pos.pay.overRemaining'));
      // Over the limit the invoice is not taken; the notice says why and other methods still pay.
      setFormError(null);
      if (method === 'invoice' && !(await credit.mayTake(invoiceAmountToCheck(payments, amount)))) return;
      payment = { method, amount, ...(reference.trim() ? { reference: reference.trim() } : {}) };
    }
    addPaid(payment);
  }

  function addPaid(payment: PaymentInput) {
    const next = [...payments, payment];
    setPayments(next);
    setMethod(null);
    setFormError(null);
    credit.reset();
    if (isSettled(total, next, currency)) onComplete(next);
  }

  const change = settled
    ? payments.filter((p) => p.method === 'cash').reduce((s, p) => s + (p.tendered ?? p.amount) - p.amount, 0)
    : 0;

  return (
    <section className="card stack payment" aria-labelledby="payment-heading">
      <h2 id="payment-heading">{t('pos.pay.heading')}</h2>
      <dl className="totals">
        <div className="totals-total">
          <dt>{t('pos.sale.total')}</dt>
          <dd>{formatAmount(total)}</dd>
        </div>
        {payments.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: payments are only appended, never reordered
          <div key={i}>
            <dt>
              {t(METHOD_LABELS[p.method])}
              {p.reference ? ` (${p.reference})` : ''}
            </dt>
            <dd>{formatAmount(p.tendered ?? p.amount)}</dd>
          </div>
        ))}
        {remaining > 0 && !settled && (
          <div>
            <dt>{t('pos.pay.remaining')}</dt>
            <dd data-testid="remaining">{formatAmount(remaining)}</dd>
          </div>
        )}
        {method === 'cash' && cash.rounding !== 0 && (
          <div>
            <dt>{t('pos.pay.rounding')}</dt>
            <dd>{formatAmount(cash.rounding)}</dd>
          </div>
        )}
        {settled && change > 0 && (
          <div className="totals-total">
            <dt>{t('pos.pay.change')}</dt>
            <dd>{formatAmount(change)}</dd>
          </div>
        )}
      </dl>
      {!settled && (
        <fieldset className="pay-methods">
          <legend className="visually-hidden">{t('pos.pay.methods')}</legend>
          {METHODS.map((m) => (
            <button
              key={m.method}
              type="button"
              className={method === m.method ? 'button button-primary' : 'button'}
              aria-pressed={method === m.method}
              onClick={() => choose(m.method)}
            >
              {t(m.label)}
            </button>
          ))}
        </fieldset>
      )}
      {method === 'card_terminal' && (
        <TerminalPayment key={remaining} remaining={remaining} currency={currency} onPaid={addPaid} />
      )}
      {method === 'voucher' && <VoucherPayment remaining={remaining} currency={currency} onPaid={addPaid} />}
      {method && !HAS_OWN_FLOW.includes(method) && (
        <form className="stack" onSubmit={(e) => void addPayment(e)}>
          {method === 'cash' && cash.rounding !== 0 && (
            <p>{t('pos.pay.cashDue', { amount: formatAmount(cash.due) })}</p>
          )}
          <label className="field">
            <span>{method === 'cash' ? t('pos.pay.tendered') : t('pos.pay.amount')}</span>
            <input
              ref={amountRef}
              inputMode="decimal"
              value={amountText}
              onChange={(e) => setAmountText(e.target.value)}
            />
          </label>
          {(method === 'gift_card' ||
            method === 'invoice' ||
            method === 'swish' ||
            method === 'card_standalone') && (
            <label className="field">
              <span>{method === 'gift_card' ? t('pos.pay.giftCardCode') : t('pos.pay.reference')}</span>
              <input value={reference} onChange={(e) => setReference(e.target.value)} autoComplete="off" />
            </label>
          )}
          {formError && (
            <p className="notice notice-error" role="alert">
              {formError}
            </p>
          )}
          {method === 'invoice' && customerId && (
            <InvoiceCreditNotice
              decision={credit.decision}
              isChecking={credit.isChecking}
              isOnline={isOnline}
              currency={currency}
            />
          )}
          <button
            type="submit"
            className="button button-primary button-large"
            disabled={method === 'invoice' && credit.isChecking}
          >
            {method === 'card_standalone'
              ? t('pos.pay.cardApproved')
              : method === 'swish'
                ? t('pos.pay.swishReceived')
                : t('pos.pay.add')}
          </button>
        </form>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error}</p>
          {settled && (
            <button type="button" className="button" disabled={busy} onClick={() => onComplete(payments)}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      {busy && <p role="status">{t('pos.pay.completing')}</p>}
      <div className="button-row">
        <button type="button" className="button button-quiet" disabled={busy} onClick={onBack}>
          {t('pos.pay.back')}
        </button>
        {payments.length > 0 && !busy && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => {
              credit.reset();
              setPayments([]);
            }}
          >
            {t('pos.pay.clear')}
          </button>
        )}
      </div>
    </section>
  );
}
