import type { ReplenishmentSuggestion } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { formatRate, formatUnits } from '../shared/format';
import { SkuText } from '../shared/SkuLabel';
import { useStockData } from '../shared/StockData';
import { useSkus } from '../shared/useSkus';

/** The suggestions with every figure behind them, and a small min/max gauge per row. */
export function SuggestionRows({
  items,
  loading,
  days,
}: {
  items: ReplenishmentSuggestion[] | undefined;
  loading: boolean;
  days: number;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { locationName, locations } = useStockData();
  const lookup = useSkus(items?.map((s) => s.skuId) ?? []);
  const isSeveralLocations = new Set(items?.map((s) => s.locationId)).size > 1;
  const units = (n: number) => formatUnits(n, locale);
  return (
    <div className="table-wrap">
      <table aria-busy={loading}>
        <caption>{t('stockAdmin.replenishment.suggestionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            {isSeveralLocations && <th scope="col">{t('stockAdmin.location')}</th>}
            <th scope="col" className="number">
              {t('stockAdmin.col.available')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.replenishment.incoming')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.replenishment.sold', { days })}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.replenishment.perDay')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.replenishment.projected')}
            </th>
            <th scope="col">{t('stockAdmin.replenishment.minMax')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.replenishment.suggested')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items?.map((s) => (
            <tr
              key={`${s.locationId}:${s.skuId}`}
              className={s.suggestedQuantity > 0 ? 'stock-row-attention' : undefined}
            >
              <th scope="row">
                <SkuText lookup={lookup(s.skuId)} id={s.skuId} />
              </th>
              {isSeveralLocations && <td>{locationName(s.locationId)}</td>}
              <td className="number">{units(s.available)}</td>
              <td className="number">{units(s.incoming)}</td>
              <td className="number">{units(s.unitsSold)}</td>
              <td className="number">{formatRate(s.averageDailySales, locale)}</td>
              <td className={`number${s.projected <= s.minQuantity ? ' stock-negative' : ''}`}>
                {units(s.projected)}
              </td>
              <td>
                <span>
                  {units(s.minQuantity)}–{units(s.maxQuantity)}
                </span>
                <Gauge suggestion={s} />
              </td>
              <td className="number">
                <strong>{s.suggestedQuantity > 0 ? units(s.suggestedQuantity) : '–'}</strong>
              </td>
            </tr>
          ))}
          {items?.length === 0 && (
            <tr>
              <td colSpan={isSeveralLocations ? 9 : 8}>
                {locations.length > 0 && t('stockAdmin.replenishment.noSuggestions')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The min–max band on a scale up to a bit beyond max, with a mark where the projection lands. */
function Gauge({ suggestion: s }: { suggestion: ReplenishmentSuggestion }) {
  const top = Math.max(s.maxQuantity * 1.25, s.projected, 1);
  const at = (n: number) => `${(Math.min(Math.max(n, 0), top) / top) * 100}%`;
  return (
    <div className="stock-gauge" aria-hidden="true">
      <div
        className="stock-gauge-band"
        style={{ left: at(s.minQuantity), width: `calc(${at(s.maxQuantity)} - ${at(s.minQuantity)})` }}
      />
      <div className="stock-gauge-mark" style={{ left: at(s.projected) }} />
    </div>
  );
}
