import type { StockChangeResult } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { parseQuantity } from '../shared/LineEditor';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';

/** "Inleverans": goods that arrived outside a purchase order. */
export function ReceiveForm({
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
  const isQuantityBad = amount === null || amount < 1;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (isQuantityBad || amount === null) return;
    const result = await action.run(() =>
      stock.receive({
        skuId,
        locationId,
        quantity: amount,
        reason: reason.trim() || undefined,
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
      <h3 id={`${id}-heading`}>{t('stockAdmin.receive.heading')}</h3>
      <p className="muted">{t('stockAdmin.receive.explained')}</p>
      {action.error !== null && (
        <StockError error={action.error} fieldLabels={{ quantity: t('stockAdmin.receive.quantity') }} />
      )}
      <div className="stock-form-row">
        <div className="field">
          <label htmlFor={`${id}-qty`}>{t('stockAdmin.receive.quantity')}</label>
          <input
            id={`${id}-qty`}
            type="number"
            min={1}
            step={1}
            required
            value={quantity}
            aria-invalid={(checked && isQuantityBad) || undefined}
            aria-describedby={checked && isQuantityBad ? `${id}-qty-error` : undefined}
            onChange={(e) => setQuantity(e.target.value)}
          />
          {checked && isQuantityBad && (
            <span id={`${id}-qty-error`} className="stock-field-error">
              {t('stockAdmin.quantityPositive')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t('stockAdmin.reasonOptional')}</label>
          <input
            id={`${id}-reason`}
            type="text"
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
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
        {action.pending ? t('stockAdmin.saving') : t('stockAdmin.receive.submit')}
      </button>
    </form>
  );
}
