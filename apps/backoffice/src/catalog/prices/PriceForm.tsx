import type { SkuPrice } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { parsePriceInput, priceInputText } from '../shared/money';
import { useAction } from '../shared/useAction';
import type { PriceOwner } from './owners';

/** One price typed in kronor and saved for a SKU, replacing `current` at the version read. */
export function PriceForm({
  owner,
  skuId,
  sku,
  current,
  initialAmount,
  onSaved,
  onCancel,
  onReload,
}: {
  owner: PriceOwner;
  skuId: string;
  sku: string;
  current: SkuPrice | undefined;
  /** What the input starts with when there is no current price (e.g. the retail price). */
  initialAmount?: number;
  onSaved: (price: SkuPrice) => void;
  onCancel?: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const id = useId();
  const start = current?.unitPriceInclVat.amount ?? initialAmount;
  const [text, setText] = useState(start === undefined ? '' : priceInputText(start, owner.currency));
  const [isInvalid, setInvalid] = useState(false);
  const save = useAction();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amount = parsePriceInput(text, owner.currency);
    setInvalid(amount === null);
    if (amount === null) return;
    const saved = await save.run(() =>
      owner.set(skuId, { unitPriceInclVat: { amount, currency: owner.currency }, version: current?.version }),
    );
    if (saved) onSaved(saved);
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-price`}>
          {t('catalogAdmin.prices.newPrice', { sku, currency: owner.currency })}
        </label>
        <input
          ref={input}
          id={`${id}-price`}
          type="text"
          inputMode="decimal"
          required
          className="input-amount"
          aria-invalid={isInvalid}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={save.pending}>
        {save.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.prices.setPrice')}
      </button>
      {onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      {isInvalid && (
        <p className="notice notice-error" role="alert">
          {t('catalogAdmin.common.invalidPrice')}
        </p>
      )}
      <CatalogError
        error={save.error}
        onReload={onReload}
        conflictMessage={t('catalogAdmin.prices.conflict')}
      />
    </form>
  );
}
