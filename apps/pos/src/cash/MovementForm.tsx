// Float, income, expense (petty cash) and deposit, in SEK, EUR or NOK, with a note; journaled and
// queued like a sale, so it works offline.
import type { CashMovementKind } from '@handla/core';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { useRegister } from '../register-context';
import { DRAWER_CURRENCIES, parseCountedAmount } from './cash-count';
import { recordCashMovement } from './journal-command';
import { useCashContext, useFormatMoney } from './use-cash';

const MOVEMENTS: readonly CashMovementKind[] = ['float', 'income', 'expense', 'deposit'];

export function MovementForm() {
  const t = useT();
  const { setup, syncNow } = useRegister();
  const cash = useCashContext();
  const formatMoney = useFormatMoney();
  const [movement, setMovement] = useState<CashMovementKind>('float');
  const [currency, setCurrency] = useState<string>(setup.company.currency);
  const [amountText, setAmountText] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const currencies = [...new Set([setup.company.currency, ...DRAWER_CURRENCIES])];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    setError(null);
    const amount = parseCountedAmount(amountText, currency);
    if (amount === null || amount === 0) return setMessage(t('pos.cash.movement.amountInvalid'));
    if ((movement === 'expense' || movement === 'income') && !note.trim())
      return setMessage(t('pos.cash.movement.noteRequired'));
    try {
      await recordCashMovement(cash, {
        movement,
        amount,
        currency,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setMessage(null);
      setAmountText('');
      setNote('');
      setStatus(
        t('pos.cash.movement.recorded', {
          kind: t(`pos.cash.movement.${movement}`),
          amount: formatMoney(amount, currency),
        }),
      );
      void syncNow();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card stack" aria-labelledby="movement-heading">
      <h2 id="movement-heading">{t('pos.cash.movement.heading')}</h2>
      <form onSubmit={submit} className="stack">
        <fieldset className="pay-methods">
          <legend>{t('pos.cash.movement.kind')}</legend>
          {MOVEMENTS.map((kind) => (
            <label key={kind}>
              <input
                type="radio"
                name="movement"
                value={kind}
                checked={movement === kind}
                onChange={() => setMovement(kind)}
              />{' '}
              {t(`pos.cash.movement.${kind}`)}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('pos.cash.currency')}</span>
          <select value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('pos.cash.amount')}</span>
          <input inputMode="decimal" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('pos.cash.movement.note')}</span>
          <input value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </label>
        {message && (
          <p className="notice notice-warning" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button button-primary">
          {t('pos.cash.movement.submit')}
        </button>
      </form>
      {status && <p role="status">{status}</p>}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
