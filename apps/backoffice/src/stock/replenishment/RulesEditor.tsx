import type { ReplenishmentRule } from '@handla/api';
import { ErrorNotice, useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { parseQuantity } from '../shared/LineEditor';
import { SkuPicker } from '../shared/SkuPicker';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';
import { type DraftRule, RuleRows } from './RuleRows';

const toDraft = (rule: ReplenishmentRule): DraftRule => ({
  skuId: rule.skuId,
  min: String(rule.minQuantity),
  max: String(rule.maxQuantity),
});

/** A rule's whole numbers, or null when min is not ≥ 0, max not ≥ 1, or max below min. */
export function parseRule(
  rule: DraftRule,
): { skuId: string; minQuantity: number; maxQuantity: number } | null {
  const min = parseQuantity(rule.min);
  const max = parseQuantity(rule.max);
  if (min === null || max === null || min < 0 || max < 1 || max < min) return null;
  return { skuId: rule.skuId, minQuantity: min, maxQuantity: max };
}

/** A location's min/max rules, edited together and saved as one set. */
export function RulesEditor({ locationId, onSaved }: { locationId: string; onSaved: () => void }) {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { locationName } = useStockData();
  const loaded = useLoader(useCallback(() => stock.listReplenishmentRules(locationId), [stock, locationId]));
  const [edited, setEdited] = useState<DraftRule[] | null>(null);
  const rules = edited ?? loaded.data?.items.map(toDraft) ?? [];
  const action = useAction();
  const [done, setDone] = useState(false);
  const [checked, setChecked] = useState(false);

  function change(next: DraftRule[]) {
    setEdited(next);
    setDone(false);
  }

  async function save() {
    setChecked(true);
    const parsed = rules.map(parseRule);
    if (parsed.some((r) => r === null)) return;
    const saved = await action.run(() =>
      stock.setReplenishmentRules(locationId, { rules: parsed.filter((r) => r !== null) }),
    );
    if (!saved) return;
    setEdited(saved.items.map(toDraft));
    setChecked(false);
    setDone(true);
    onSaved();
  }

  const isBad = checked && rules.some((r) => parseRule(r) === null);
  return (
    <section className="stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {t('stockAdmin.replenishment.rules', { location: locationName(locationId) })}
      </h3>
      {loaded.error !== null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      <RuleRows rules={rules} checked={checked} onChange={change} />
      <SkuPicker
        label={t('stockAdmin.replenishment.addRule')}
        onPick={(sku) => {
          if (!rules.some((r) => r.skuId === sku.id))
            change([...rules, { skuId: sku.id, min: '1', max: '10' }]);
        }}
      />
      <div role="status">
        {done && <p className="notice stock-done">{t('stockAdmin.replenishment.savedDone')}</p>}
      </div>
      {isBad && (
        <p className="notice notice-error" role="alert">
          {t('stockAdmin.replenishment.badRule')}
        </p>
      )}
      {action.error !== null && <StockError error={action.error} lines={rules} />}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={action.pending || edited === null}
          onClick={() => void save()}
        >
          {action.pending ? t('stockAdmin.saving') : t('stockAdmin.replenishment.saveRules')}
        </button>
        {edited !== null && !done && (
          <button type="button" className="button" disabled={action.pending} onClick={() => setEdited(null)}>
            {t('stockAdmin.replenishment.undo')}
          </button>
        )}
      </div>
    </section>
  );
}
