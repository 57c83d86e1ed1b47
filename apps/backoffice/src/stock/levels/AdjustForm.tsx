import type { StockChangeResult } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { parseQuantity } from '../shared/LineEditor';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';

/** "Justera": a signed correction of on-hand, never without its reason. */
export function AdjustForm({
  locationId,
  skuId,
  onDone,
}: {
  locationId: string;
  skuId: string;
  onDone: (result: StockChangeResult) => void;
}) {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [checked, setChecked] = useState(false);
  const action = useAction();
  const amount = parseQuantity(quantity);
  const isQuantityBad = amount === null || amount === 0;
  const isReasonBad = reason.trim() === '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (isQuantityBad || isReasonBad || amount === null) return;
    const result = await action.run(() =>
      stock.adjust({
        skuId,
        locationId,
        quantity: amount,
        reason: reason.trim(),
        reference: reference.trim() || undefined,
      }),
    );
    if (!result) return;
    setQuantity('');
    setReason('');
    setReference('');
    setChecked(false);
    onDone(result);
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('stockAdmin.adjust.heading')}</h3>
      <p className="muted">{t('stockAdmin.adjust.explained')}</p>
      {action.error !== null && (
        <StockError
          error={action.error}
          fieldLabels={{ quantity: t('stockAdmin.adjust.quantity'), reason: t('stockAdmin.col.reason') }}
        />
      )}
      <div className="stock-form-row">
        <div className="field">
          <label htmlFor={`${id}-qty`}>{t('stockAdmin.adjust.quantity')}</label>
          <input
            id={`${id}-qty`}
            type="number"
            step={1}
            required
            value={quantity}
            aria-invalid={(checked && isQuantityBad) || undefined}
            aria-describedby={`${id}-qty-hint`}
            onChange={(e) => setQuantity(e.target.value)}
          />
          <span id={`${id}-qty-hint`} className="muted">
            {checked && isQuantityBad
              ? t('stockAdmin.adjust.quantityBad')
              : t('stockAdmin.adjust.quantityHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('stockAdmin.col.reason')}</label>
          <input
            id={`${id}-reason`}
            type="text"
            required
            maxLength={200}
            value={reason}
            aria-invalid={(checked && isReasonBad) || undefined}
            aria-describedby={checked && isReasonBad ? `${id}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {checked && isReasonBad && (
            <span id={`${id}-reason-error`} className="stock-field-error">
              {t('stockAdmin.adjust.reasonRequired')}
            </span>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-ref`}>{t('stockAdmin.referenceOptional')}</label>
        <input
          id={`${id}-ref`}
          type="text"
          maxLength={100}
          value={reference}
          onChange={(e) => setReference(e.target.value)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={action.pending}>
        {action.pending ? t('stockAdmin.saving') : t('stockAdmin.adjust.submit')}
      </button>
    </form>
  );
}
