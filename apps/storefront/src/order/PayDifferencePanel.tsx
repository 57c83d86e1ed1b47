// "Pay the difference" on the order-status page: after the shop raised the order past what was
// authorized, the shopper authorizes the rest with the order's payment method (card fields through
// the provider's token, Klarna or Swish). One client-made id per attempt: a retry is one payment.
import type { Order, PaymentAction } from '@handla/api';
import { ApiError } from '@handla/api';
import { describeError, formatPrice, useApi, useLocale, useT } from '@handla/ui';
import { type FormEvent, useRef, useState } from 'react';
import { cardDigits, newCheckoutId } from '../checkout/checkout-form';
import { TextField } from '../checkout/TextField';
import { PaymentActionPanel } from './PaymentActionPanel';

export function PayDifferencePanel({
  token,
  order,
  onPaid,
}: {
  token: string;
  order: Order;
  onPaid: () => void;
}) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [card, setCard] = useState({ number: '', expiry: '', cvc: '' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [action, setAction] = useState<PaymentAction | null>(null);
  const attempt = useRef(newCheckoutId());
  const method = order.payment.method;
  const toPay = order.amountToPay;
  if (!toPay || toPay.amount <= 0 || (method !== 'card' && method !== 'klarna' && method !== 'swish')) {
    return message ? (
      <p role="status" className="notice">
        {message}
      </p>
    ) : null;
  }
  const amount = formatPrice(toPay, locale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      const cardToken =
        method === 'card'
          ? (
              await api.shop.testCardToken({
                number: cardDigits(card.number),
                expiry: card.expiry.trim(),
                cvc: card.cvc.trim(),
              })
            ).token
          : undefined;
      const result = await api.shop.payDifference(token, {
        paymentId: attempt.current,
        method,
        ...(cardToken ? { cardToken } : {}),
      });
      if (result.payment.action?.kind === 'redirect') window.location.assign(result.payment.action.url);
      else if (result.payment.action) setAction(result.payment.action);
      else {
        setMessage(t('shop.order.difference.paid'));
        onPaid();
      }
    } catch (e) {
      // Refused (declined, bad card): the next try is a new payment.
      if (e instanceof ApiError && e.status < 500) attempt.current = newCheckoutId();
      setMessage(describeError(e, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack-tight pay-difference" aria-labelledby="difference-heading">
      <h2 id="difference-heading">{t('shop.order.difference.heading')}</h2>
      <p>{t('shop.order.difference.intro', { amount })}</p>
      {action ? (
        <PaymentActionPanel action={action} />
      ) : (
        <form className="stack-tight" onSubmit={submit}>
          {method === 'card' && (
            <div className="stack-tight card-fields">
              <TextField
                id="difference-card-number"
                label={t('shop.pay.cardNumber')}
                autoComplete="cc-number"
                inputMode="numeric"
                value={card.number}
                onChange={(number) => setCard((c) => ({ ...c, number }))}
                required
              />
              <div className="field-row">
                <TextField
                  id="difference-card-expiry"
                  label={t('shop.pay.cardExpiry')}
                  hint={t('shop.pay.cardExpiryHint')}
                  autoComplete="cc-exp"
                  inputMode="numeric"
                  value={card.expiry}
                  onChange={(expiry) => setCard((c) => ({ ...c, expiry }))}
                  required
                />
                <TextField
                  id="difference-card-cvc"
                  label={t('shop.pay.cardCvc')}
                  autoComplete="cc-csc"
                  inputMode="numeric"
                  value={card.cvc}
                  onChange={(cvc) => setCard((c) => ({ ...c, cvc }))}
                  required
                />
              </div>
            </div>
          )}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? t('shop.order.difference.paying') : t('shop.order.difference.pay', { amount })}
          </button>
        </form>
      )}
      {message && (
        <p role="alert" className="notice">
          {message}
        </p>
      )}
    </section>
  );
}
