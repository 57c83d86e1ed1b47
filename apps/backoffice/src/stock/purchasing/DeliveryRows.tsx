import { useLocale, useT } from '@handla/ui';
import { useId } from 'react';
import { formatUnits } from '../shared/format';
import { parseQuantity } from '../shared/LineEditor';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';
import type { DeliveryLine } from './ReceiveDeliveryForm';

/** The deviation a line will record if the delivery is booked as typed: over now, under only if final. */
export function deviationOf(
  line: DeliveryLine,
  isFinal: boolean,
): { kind: 'over' | 'under'; quantity: number } | null {
  const now = parseQuantity(line.text) ?? 0;
  const overBefore = Math.max(0, line.receivedBefore - line.ordered);
  const after = line.receivedBefore + Math.max(0, now);
  const over = Math.max(0, after - line.ordered) - overBefore;
  if (over > 0) return { kind: 'over', quantity: over };
  if (isFinal && after < line.ordered) return { kind: 'under', quantity: line.ordered - after };
  return null;
}

/** The delivery's lines: ordered, received before, arriving now (a field), and the deviation. */
export function DeliveryRows({
  lines,
  isFinal,
  onChange,
}: {
  lines: DeliveryLine[];
  isFinal: boolean;
  onChange: (skuId: string, text: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const lookup = useSkus(lines.map((l) => l.skuId));
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('stockAdmin.purchasing.deliveryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.purchasing.ordered')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.purchasing.receivedSoFar')}
            </th>
            <th scope="col" className="number" id={`${id}-now`}>
              {t('stockAdmin.purchasing.receivedNow')}
            </th>
            <th scope="col">{t('stockAdmin.purchasing.deviation')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const deviation = deviationOf(line, isFinal);
            const isInvalid = line.text.trim() !== '' && (parseQuantity(line.text) ?? -1) < 0;
            return (
              <tr key={line.skuId} className={deviation ? 'stock-row-attention' : undefined}>
                <th scope="row" id={`${id}-${i}`}>
                  <SkuText lookup={lookup(line.skuId)} id={line.skuId} />
                </th>
                <td className="number">{formatUnits(line.ordered, locale)}</td>
                <td className="number">{formatUnits(line.receivedBefore, locale)}</td>
                <td className="number">
                  <input
                    type="number"
                    className="stock-qty"
                    min={0}
                    step={1}
                    aria-labelledby={`${id}-now ${id}-${i}`}
                    aria-invalid={isInvalid || undefined}
                    value={line.text}
                    onChange={(e) => onChange(line.skuId, e.target.value)}
                  />
                </td>
                <td>
                  {deviation
                    ? t(
                        deviation.kind === 'over'
                          ? 'stockAdmin.purchasing.overBy'
                          : 'stockAdmin.purchasing.underBy',
                        {
                          quantity: formatUnits(deviation.quantity, locale),
                        },
                      )
                    : '–'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
