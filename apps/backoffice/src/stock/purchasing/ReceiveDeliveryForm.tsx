import type { PurchaseOrder } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { parseQuantity } from '../shared/LineEditor';
import { SkuPicker } from '../shared/SkuPicker';
import { DeliveryRows } from './DeliveryRows';

/** A line of a delivery being entered; `ordered` 0 for a SKU that came without being ordered. */
export interface DeliveryLine {
  skuId: string;
  ordered: number;
  receivedBefore: number;
  text: string;
}

/**
 * Receiving a delivery: per line what arrived now (the outstanding quantity filled in), with the
 * deviation each line will record shown before it is booked. "Final delivery" says nothing more
 * comes, so what is still missing becomes under-delivery.
 */
export function ReceiveDeliveryForm({
  order,
  pending,
  onReceive,
}: {
  order: PurchaseOrder;
  pending: boolean;
  onReceive: (lines: { skuId: string; quantity: number }[], isFinal: boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const [lines, setLines] = useState<DeliveryLine[]>(() =>
    order.lines.map((l) => ({
      skuId: l.skuId,
      ordered: l.orderedQuantity,
      receivedBefore: l.receivedQuantity,
      text: l.outstandingQuantity > 0 ? String(l.outstandingQuantity) : '',
    })),
  );
  const [isFinal, setFinal] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = lines.map((l) => ({
      skuId: l.skuId,
      quantity: l.text.trim() === '' ? 0 : parseQuantity(l.text),
    }));
    if (parsed.some((l) => l.quantity === null || l.quantity < 0))
      return setProblem(t('stockAdmin.lines.badReceived'));
    const delivered = parsed.filter((l): l is { skuId: string; quantity: number } => (l.quantity ?? 0) > 0);
    if (delivered.length === 0) return setProblem(t('stockAdmin.purchasing.nothingReceived'));
    setProblem(null);
    onReceive(delivered, isFinal);
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('stockAdmin.purchasing.receiveHeading')}</h3>
      <p className="muted">{t('stockAdmin.purchasing.receiveExplained')}</p>
      <DeliveryRows
        lines={lines}
        isFinal={isFinal}
        onChange={(skuId, text) => setLines(lines.map((l) => (l.skuId === skuId ? { ...l, text } : l)))}
      />
      <SkuPicker
        label={t('stockAdmin.purchasing.addUnordered')}
        onPick={(sku) => {
          if (lines.some((l) => l.skuId === sku.id)) return;
          setLines([...lines, { skuId: sku.id, ordered: 0, receivedBefore: 0, text: '1' }]);
        }}
      />
      <label className="checkbox" htmlFor={`${id}-final`}>
        <input
          id={`${id}-final`}
          type="checkbox"
          checked={isFinal}
          onChange={(e) => setFinal(e.target.checked)}
        />
        <span>{t('stockAdmin.purchasing.final')}</span>
      </label>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('stockAdmin.saving') : t('stockAdmin.purchasing.receive')}
        </button>
      </div>
    </form>
  );
}
