import type { StockLevel } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { formatUnits } from '../shared/format';

/** On hand, reserved and available in large figures; the count flag when it went below zero. */
export function StockFigures({ level }: { level: StockLevel | null }) {
  const t = useT();
  const { locale } = useLocale();
  const figures = [
    ['stockAdmin.col.onHand', level?.onHand ?? 0],
    ['stockAdmin.col.reserved', level?.reserved ?? 0],
    ['stockAdmin.col.available', level?.available ?? 0],
  ] as const;
  return (
    <div className="stack">
      <dl className="stock-figures">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd className={value < 0 ? 'stock-negative' : undefined}>{formatUnits(value, locale)}</dd>
          </div>
        ))}
      </dl>
      {level === null && <p className="muted">{t('stockAdmin.sku.neverStocked')}</p>}
      {level?.isCountNeeded && (
        <p className="notice notice-warning">{t('stockAdmin.sku.countNeededExplained')}</p>
      )}
    </div>
  );
}
