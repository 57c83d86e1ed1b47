// The linked card terminal in the pay panel: send the amount, tell the customer to follow the
// terminal, record only an approved payment; a decline or a silent terminal keeps the sale open.
import { type PaymentInput, parseMajorAmount } from '@handla/core';
import { useT } from '@handla/ui';
import { type FormEvent, useRef, useState } from 'react';
import { newId, useFormatAmount } from '../format';
import { payOnTerminal, registerCardTerminal } from './card-terminal-payment';

export function TerminalPayment({
  remaining,
  currency,
  onPaid,
}: {
  remaining: number;
  currency: string;
  onPaid: (payment: PaymentInput) => void;
}) {
  const t = useT();
  const formatAmount = useFormatAmount(currency);
  const [amountText, setAmountText] = useState((remaining / 100).toFixed(2).replace('.', ','));
  const [waiting, setWaiting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; isError: boolean } | null>(null);
  const reference = useRef<string | null>(null);

  async function send(event: FormEvent) {
    event.preventDefault();
    let amount: number;
    try {
      amount = parseMajorAmount(amountText, currency);
    } catch {
      return setNotice({ text: t('pos.pay.badAmount'), isError: true });
    }
    if (amount <= 0) return setNotice({ text: t('pos.pay.badAmount'), isError: true });
    if (amount > remaining) return setNotice({ text: t('pos.pay.overRemaining'), isError: true });
    reference.current = newId('trm');
    setWaiting(true);
    setNotice(null);
    const outcome = await payOnTerminal(registerCardTerminal(), {
      amount,
      currency,
      reference: reference.current,
    });
    setWaiting(false);
    reference.current = null;
    if (outcome.kind === 'approved') {
      const pan = outcome.slip.find((l) => l.startsWith('Kort '))?.slice(5) ?? '';
      setNotice({
        text: t('pos.extras.terminal.approved', { pan, reference: outcome.payment.reference ?? '' }),
        isError: false,
      });
      onPaid(outcome.payment);
    } else {
      const key =
        outcome.kind === 'declined' ? 'pos.extras.terminal.declined' : 'pos.extras.terminal.unavailable';
      setNotice({ text: t(key, { reason: outcome.reason }), isError: true });
    }
  }

  let amountPreview = '';
  try {
    amountPreview = formatAmount(parseMajorAmount(amountText, currency));
  } catch {
    amountPreview = amountText;
  }

  return (
    <form className="stack" onSubmit={send}>
      <p className="muted small">{t('pos.extras.terminal.simulator')}</p>
      <label className="field">
        <span>{t('pos.pay.amount')}</span>
        <input
          inputMode="decimal"
          value={amountText}
          disabled={waiting}
          onChange={(e) => setAmountText(e.target.value)}
        />
      </label>
      <p role="status" aria-live="polite" className={waiting ? 'terminal-waiting' : undefined}>
        {waiting ? t('pos.extras.terminal.follow') : ''}
      </p>
      {notice && (
        <p
          className={notice.isError ? 'notice notice-error' : 'notice'}
          role={notice.isError ? 'alert' : 'status'}
        >
          {notice.text}
        </p>
      )}
      {waiting ? (
        <button
          type="button"
          className="button"
          onClick={() => reference.current && void registerCardTerminal().cancel(reference.current)}
        >
          {t('pos.extras.terminal.cancel')}
        </button>
      ) : (
        <button type="submit" className="button button-primary button-large">
          {t('pos.extras.terminal.send', { amount: amountPreview })}
        </button>
      )}
    </form>
  );
}
