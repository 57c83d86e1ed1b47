// "Sälj presentkort": scan or type a card number (or make one), choose a new card or a top-up, the
// amount, and check the balance when online; the card goes on the receipt as its own line and is
// paid like any line. The card is loaded when the server applies the receipt.

import { ApiError } from '@handla/api';
import { DomainError, maskGiftCardCode, parseMajorAmount } from '@handla/core';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useFormatAmount } from '../format';
import { useRegister } from '../register-context';
import { SegmentedChoice } from '../SegmentedChoice';
import type { Cart } from '../sale/cart';
import { extrasApi } from './extras-api';
import { addGiftCardLine, newGiftCardCode } from './gift-card-cart';

export function GiftCardDialog({
  cart,
  lineId,
  onAdd,
  onCancel,
}: {
  cart: Cart;
  lineId: () => string;
  /** The cart with the card line added, and what to announce. */
  onAdd: (next: Cart, announcement: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const { device, setup, isOnline } = useRegister();
  const formatAmount = useFormatAmount(setup.company.currency);
  const [code, setCode] = useState('');
  const [action, setAction] = useState<'issue' | 'top_up'>('issue');
  const [amountText, setAmountText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [lookupError, setLookupError] = useState<unknown>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => codeRef.current?.focus(), []);

  const normalized = code.trim().toUpperCase();

  async function checkBalance() {
    setMessage(null);
    setLookupError(null);
    if (!isOnline) return setMessage(t('pos.extras.giftCard.balanceOffline'));
    try {
      const card = await extrasApi(device.registerId, device.deviceToken).giftCard(normalized);
      const amount = formatAmount(card.balance.amount);
      setMessage(
        action === 'issue'
          ? t('pos.extras.giftCard.exists', { amount })
          : t('pos.extras.giftCard.balance', { amount }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMessage(t('pos.extras.giftCard.unknown'));
      else setLookupError(e);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    let amount: number;
    try {
      amount = parseMajorAmount(amountText, setup.company.currency);
    } catch {
      return setError(t('pos.extras.giftCard.badAmount'));
    }
    try {
      const next = addGiftCardLine(cart, { code: normalized, action }, amount, lineId());
      onAdd(next, t('pos.extras.giftCard.added', { code: maskGiftCardCode(normalized) }));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      const problem = e.fields?.[0];
      setError(
        problem?.field.endsWith('unitPriceInclVat')
          ? t('pos.extras.giftCard.badAmount')
          : problem?.message.includes('already')
            ? t('pos.extras.giftCard.already')
            : t('pos.extras.giftCard.badCode'),
      );
    }
  }

  return (
    <form className="card stack gift-card-dialog" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('pos.extras.giftCard.heading')}</h3>
      <p className="muted small">{t('pos.extras.giftCard.note')}</p>
      <SegmentedChoice
        name={`${id}-action`}
        legend={t('pos.extras.giftCard.action')}
        value={action}
        options={[
          { value: 'issue', label: t('pos.extras.giftCard.issue') },
          { value: 'top_up', label: t('pos.extras.giftCard.topUp') },
        ]}
        onChange={setAction}
      />
      <div className="search-row">
        <label className="field">
          <span>{t('pos.extras.giftCard.code')}</span>
          <input
            ref={codeRef}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            inputMode="numeric"
            maxLength={32}
          />
        </label>
        {action === 'issue' && (
          <button type="button" className="button" onClick={() => setCode(newGiftCardCode())}>
            {t('pos.extras.giftCard.generate')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={normalized === ''}
          onClick={() => void checkBalance()}
        >
          {t('pos.extras.giftCard.checkBalance')}
        </button>
      </div>
      <label className="field">
        <span>{t('pos.extras.giftCard.amount')}</span>
        <input inputMode="decimal" value={amountText} onChange={(e) => setAmountText(e.target.value)} />
      </label>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {lookupError !== null && <ErrorNotice error={lookupError} />}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('pos.extras.giftCard.add')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('pos.extras.giftCard.cancel')}
        </button>
      </div>
    </form>
  );
}
