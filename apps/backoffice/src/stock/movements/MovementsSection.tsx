import type { MovementKind } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { useCallback, useId } from 'react';
import { LocationSelect } from '../shared/LocationSelect';
import { Pager } from '../shared/Pager';
import { SkuLabel } from '../shared/SkuLabel';
import { SkuPicker } from '../shared/SkuPicker';
import { useCursorPages } from '../shared/useCursorPages';
import { useRemembered } from '../shared/useRemembered';
import { useStockApi } from '../shared/useStockApi';
import { MOVEMENT_KINDS } from './kinds';
import { MovementTable } from './MovementTable';

const PAGE_SIZE = 50;

/** The stock ledger, newest first, filtered by location, SKU and kind. */
export function MovementsSection() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const [locationId, setLocationId] = useRemembered('movements.location', '');
  const [skuId, setSkuId] = useRemembered('movements.sku', '');
  const [kind, setKind] = useRemembered<MovementKind | ''>('movements.kind', '');
  const { page, paging } = useCursorPages(
    useCallback(
      (cursor: string | undefined) =>
        stock.listMovements({
          locationId: locationId || undefined,
          skuId: skuId || undefined,
          kind: kind || undefined,
          limit: PAGE_SIZE,
          cursor,
        }),
      [stock, locationId, skuId, kind],
    ),
  );
  const caption = t('stockAdmin.tab.movements');
  return (
    <>
      <h2>{caption}</h2>
      <div className="stock-filters">
        <LocationSelect
          label={t('stockAdmin.location')}
          value={locationId}
          onChange={setLocationId}
          anyLabel={t('stockAdmin.anyLocation')}
        />
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('stockAdmin.col.kind')}</label>
          <select
            id={`${id}-kind`}
            value={kind}
            onChange={(e) => setKind(e.target.value as MovementKind | '')}
          >
            <option value="">{t('stockAdmin.anyKind')}</option>
            {MOVEMENT_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {t(k.label)}
              </option>
            ))}
          </select>
        </div>
        {skuId ? (
          <div className="field">
            <span className="stock-label">{t('stockAdmin.movements.sku')}</span>
            <div className="button-row">
              <SkuLabel id={skuId} />
              <button type="button" className="button button-quiet" onClick={() => setSkuId('')}>
                {t('stockAdmin.movements.allSkus')}
              </button>
            </div>
          </div>
        ) : (
          <SkuPicker label={t('stockAdmin.movements.sku')} onPick={(sku) => setSkuId(sku.id)} />
        )}
      </div>
      {page.error !== null && <ErrorNotice error={page.error} onRetry={page.reload} />}
      <MovementTable
        movements={page.data?.items}
        loading={page.loading}
        caption={`${caption} · ${t('paging.page', { page: paging.pageNumber })}`}
      />
      <Pager paging={paging} label={caption} />
    </>
  );
}
