import { ErrorNotice, useDebouncedValue, useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { parseQuantity } from '../shared/LineEditor';
import { useStockApi } from '../shared/useStockApi';
import { SuggestionRows } from './SuggestionRows';

/** What to bring into the store now, worked out from the rules, the stock and recent sales. */
export function Suggestions({ storeId }: { storeId: string }) {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const [daysText, setDaysText] = useState('28');
  const [leadText, setLeadText] = useState('7');
  const [isNeededOnly, setNeededOnly] = useState(false);
  const days = useDebouncedValue(clamp(parseQuantity(daysText), 1, 365, 28), 400);
  const leadTimeDays = useDebouncedValue(clamp(parseQuantity(leadText), 0, 90, 7), 400);
  const suggestions = useLoader(
    useCallback(
      () => stock.replenishmentSuggestions(storeId, { days, leadTimeDays }),
      [stock, storeId, days, leadTimeDays],
    ),
  );
  const items = suggestions.data?.items.filter((s) => !isNeededOnly || s.suggestedQuantity > 0);
  const needing = suggestions.data?.items.filter((s) => s.suggestedQuantity > 0).length ?? 0;
  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('stockAdmin.replenishment.suggestions')}</h3>
      <div className="stock-filters">
        <div className="field">
          <label htmlFor={`${id}-days`}>{t('stockAdmin.replenishment.days')}</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={365}
            step={1}
            value={daysText}
            onChange={(e) => setDaysText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lead`}>{t('stockAdmin.replenishment.leadTime')}</label>
          <input
            id={`${id}-lead`}
            type="number"
            min={0}
            max={90}
            step={1}
            value={leadText}
            onChange={(e) => setLeadText(e.target.value)}
          />
        </div>
        <label className="checkbox" htmlFor={`${id}-needed`}>
          <input
            id={`${id}-needed`}
            type="checkbox"
            checked={isNeededOnly}
            onChange={(e) => setNeededOnly(e.target.checked)}
          />
          <span>{t('stockAdmin.replenishment.neededOnly')}</span>
        </label>
      </div>
      {suggestions.error !== null && <ErrorNotice error={suggestions.error} onRetry={suggestions.reload} />}
      <p role="status" className="muted">
        {suggestions.data ? t('stockAdmin.replenishment.needing', { count: needing }) : ''}
      </p>
      <SuggestionRows items={items} loading={suggestions.loading} days={days} />
      <p className="muted">{t('stockAdmin.replenishment.formula', { leadTimeDays })}</p>
    </section>
  );
}

function clamp(value: number | null, min: number, max: number, fallback: number): number {
  if (value === null) return fallback;
  return Math.min(max, Math.max(min, value));
}
