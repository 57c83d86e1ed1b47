// A discount for one line or the whole receipt: amount or percent, and a reason. Whether the
// cashier's role may give it is the core's policy; the caller tries it and says no when refused.
import { parseMajorAmount } from '@handla/core';
import { useT } from '@handla/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { parsePercentBp } from '../format';
import { SegmentedChoice } from '../SegmentedChoice';
import type { CartDiscount } from './cart';

export function DiscountForm({
  heading,
  currency,
  initial,
  onApply,
  onCancel,
}: {
  heading: string;
  currency: string;
  initial: CartDiscount | null;
  /** Returns an error message when the discount is refused (e.g. beyond the role's limit). */
  onApply: (discount: CartDiscount | null) => string | null;
  onCancel: () => void;
}) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<CartDiscount['kind']>(initial?.kind ?? 'percent');
  const [value, setValue] = useState(
    initial ? (initial.kind === 'percent' ? String(initial.value / 100) : String(initial.value / 100)) : '',
  );
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  useEffect(() => valueRef.current?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    let parsed: number | null;
    try {
      parsed = kind === 'percent' ? parsePercentBp(value) : parseMajorAmount(value, currency);
    } catch {
      parsed = null;
    }
    if (parsed === null || parsed <= 0) return setError(t('pos.discount.badValue'));
    if (reason.trim() === '') return setError(t('pos.discount.reasonRequired'));
    setError(onApply({ kind, value: parsed, reason: reason.trim() }));
  }

  return (
    <form className="card stack discount-form" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <SegmentedChoice
        name={`${id}-kind`}
        legend={t('pos.discount.kind')}
        value={kind}
        options={[
          { value: 'percent', label: t('pos.discount.percent') },
          { value: 'amount', label: t('pos.discount.amount') },
        ]}
        onChange={setKind}
      />
      <label className="field">
        <span>{kind === 'percent' ? t('pos.discount.valuePercent') : t('pos.discount.valueAmount')}</span>
        <input ref={valueRef} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('pos.discount.reason')}</span>
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('pos.discount.apply')}
        </button>
        {initial && (
          <button type="button" className="button" onClick={() => setError(onApply(null))}>
            {t('pos.discount.remove')}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
