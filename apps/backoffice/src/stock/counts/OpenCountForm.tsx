import { ApiError } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { goToStock, stockHref } from '../paths';
import { LocationSelect } from '../shared/LocationSelect';
import { SkuLabel } from '../shared/SkuLabel';
import { SkuPicker } from '../shared/SkuPicker';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';
import { OpenCountLink } from './OpenCountLink';

/** A new count sheet: a location, and either every SKU stocked there or the SKUs chosen. */
export function OpenCountForm() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { homeLocationId } = useStockData();
  const [locationId, setLocationId] = useState(homeLocationId ?? '');
  const [isEverything, setEverything] = useState(true);
  const [skuIds, setSkuIds] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();
  const isAlreadyOpen = action.error instanceof ApiError && action.error.problem.code === 'conflict';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isEverything && skuIds.length === 0) return setProblem(t('stockAdmin.counts.chooseSkus'));
    setProblem(null);
    const opened = await action.run(() =>
      stock.openCount({
        locationId,
        skuIds: isEverything ? undefined : skuIds,
        note: note.trim() || undefined,
      }),
    );
    if (opened) goToStock('counts', opened.id);
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <a className="stock-back" href={stockHref('counts')}>
        ← {t('stockAdmin.counts.back')}
      </a>
      <h2 id={`${id}-heading`}>{t('stockAdmin.counts.new')}</h2>
      <p className="muted">{t('stockAdmin.counts.openExplained')}</p>
      <div className="stock-filters">
        <LocationSelect
          label={t('stockAdmin.location')}
          value={locationId}
          onChange={setLocationId}
          required
        />
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('stockAdmin.noteOptional')}</label>
          <input
            id={`${id}-note`}
            type="text"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      <fieldset>
        <legend>{t('stockAdmin.counts.scope')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={isEverything}
            onChange={() => setEverything(true)}
          />
          <span>{t('stockAdmin.counts.everything')}</span>
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={!isEverything}
            onChange={() => setEverything(false)}
          />
          <span>{t('stockAdmin.counts.chosen')}</span>
        </label>
      </fieldset>
      {!isEverything && (
        <div className="stack">
          <SkuPicker
            label={t('stockAdmin.lines.add')}
            onPick={(sku) => setSkuIds((ids) => (ids.includes(sku.id) ? ids : [...ids, sku.id]))}
          />
          <ul className="plain-list stack" aria-label={t('stockAdmin.counts.chosenList')}>
            {skuIds.map((skuId) => (
              <li key={skuId} className="button-row">
                <SkuLabel id={skuId} />
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setSkuIds((ids) => ids.filter((i) => i !== skuId))}
                >
                  {t('stockAdmin.lines.remove')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {action.error !== null && (
        <StockError error={action.error} lines={skuIds.map((skuId) => ({ skuId }))} />
      )}
      {isAlreadyOpen && <OpenCountLink locationId={locationId} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.pending || !locationId}>
          {action.pending ? t('stockAdmin.saving') : t('stockAdmin.counts.open')}
        </button>
      </div>
    </form>
  );
}
