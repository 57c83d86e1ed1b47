import { useT } from '@handla/ui';
import { useId } from 'react';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';

/** A rule as typed. */
export interface DraftRule {
  skuId: string;
  min: string;
  max: string;
}

/** The rules table: a SKU per row with its min and max as fields. */
export function RuleRows({
  rules,
  checked,
  onChange,
}: {
  rules: DraftRule[];
  checked: boolean;
  onChange: (rules: DraftRule[]) => void;
}) {
  const t = useT();
  const id = useId();
  const lookup = useSkus(rules.map((r) => r.skuId));
  const update = (skuId: string, patch: Partial<DraftRule>) =>
    onChange(rules.map((r) => (r.skuId === skuId ? { ...r, ...patch } : r)));
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('stockAdmin.replenishment.rulesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            <th scope="col" className="number" id={`${id}-min`}>
              {t('stockAdmin.replenishment.min')}
            </th>
            <th scope="col" className="number" id={`${id}-max`}>
              {t('stockAdmin.replenishment.max')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('stockAdmin.lines.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, i) => {
            const min = Number(rule.min);
            const max = Number(rule.max);
            const isMinBad = checked && !(rule.min.trim() !== '' && Number.isInteger(min) && min >= 0);
            const isMaxBad =
              checked && !(rule.max.trim() !== '' && Number.isInteger(max) && max >= 1 && max >= min);
            return (
              <tr key={rule.skuId}>
                <th scope="row" id={`${id}-${i}`}>
                  <SkuText lookup={lookup(rule.skuId)} id={rule.skuId} />
                </th>
                <td className="number">
                  <input
                    type="number"
                    className="stock-qty"
                    min={0}
                    step={1}
                    aria-labelledby={`${id}-min ${id}-${i}`}
                    aria-invalid={isMinBad || undefined}
                    value={rule.min}
                    onChange={(e) => update(rule.skuId, { min: e.target.value })}
                  />
                </td>
                <td className="number">
                  <input
                    type="number"
                    className="stock-qty"
                    min={1}
                    step={1}
                    aria-labelledby={`${id}-max ${id}-${i}`}
                    aria-invalid={isMaxBad || undefined}
                    value={rule.max}
                    onChange={(e) => update(rule.skuId, { max: e.target.value })}
                  />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => onChange(rules.filter((r) => r.skuId !== rule.skuId))}
                  >
                    {t('stockAdmin.lines.remove')}
                    <span className="visually-hidden"> {t('stockAdmin.lines.line', { line: i + 1 })}</span>
                  </button>
                </td>
              </tr>
            );
          })}
          {rules.length === 0 && (
            <tr>
              <td colSpan={4}>{t('stockAdmin.replenishment.noRules')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
