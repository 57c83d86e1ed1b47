import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { goToStock, stockHref } from '../paths';
import { todayIso } from '../shared/format';
import { type DraftLine, LineEditor, linesForServer } from '../shared/LineEditor';
import { LocationSelect } from '../shared/LocationSelect';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';
import { useSuppliers } from './useSuppliers';

/** A new purchase order: supplier, where it is delivered, when it is expected, and what. */
export function NewPurchaseOrderForm() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { homeLocationId } = useStockData();
  const suppliers = useSuppliers();
  const [supplierId, setSupplierId] = useState('');
  const [locationId, setLocationId] = useState(homeLocationId ?? '');
  const [expectedOn, setExpectedOn] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();

  function chooseSupplier(next: string) {
    setSupplierId(next);
    // The supplier's lead time gives a first guess at the date, unless one was typed already.
    const supplier = suppliers.data?.items.find((s) => s.id === next);
    if (supplier && !expectedOn) setExpectedOn(todayIso(supplier.leadTimeDays));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = linesForServer(lines);
    if (!supplierId || !locationId || !expectedOn) return setProblem(t('stockAdmin.purchasing.fillIn'));
    if (lines.length === 0) return setProblem(t('stockAdmin.lines.needOne'));
    if (!parsed) return setProblem(t('stockAdmin.lines.badQuantity'));
    setProblem(null);
    const created = await action.run(() =>
      stock.createPurchaseOrder({
        supplierId,
        locationId,
        expectedOn,
        note: note.trim() || undefined,
        lines: parsed,
      }),
    );
    if (created) goToStock('purchasing', created.id);
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <a className="stock-back" href={stockHref('purchasing')}>
        ← {t('stockAdmin.purchasing.back')}
      </a>
      <h2 id={`${id}-heading`}>{t('stockAdmin.purchasing.new')}</h2>
      <div className="stock-filters">
        <div className="field">
          <label htmlFor={`${id}-supplier`}>{t('stockAdmin.purchasing.supplier')}</label>
          <select
            id={`${id}-supplier`}
            required
            value={supplierId}
            onChange={(e) => chooseSupplier(e.target.value)}
          >
            <option value="">{t('stockAdmin.choose')}</option>
            {suppliers.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </div>
        <LocationSelect
          label={t('stockAdmin.purchasing.deliverTo')}
          value={locationId}
          onChange={setLocationId}
          required
        />
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('stockAdmin.purchasing.expectedOn')}</label>
          <input
            id={`${id}-date`}
            type="date"
            required
            value={expectedOn}
            onChange={(e) => setExpectedOn(e.target.value)}
          />
        </div>
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
      {suppliers.data?.items.length === 0 && (
        <p className="notice notice-warning">
          {t('stockAdmin.purchasing.noSuppliers')}{' '}
          <a href={stockHref('purchasing', 'suppliers')}>{t('stockAdmin.purchasing.suppliers')}</a>
        </p>
      )}
      <LineEditor
        lines={lines}
        onChange={setLines}
        caption={t('stockAdmin.lines.caption')}
        quantityLabel={t('stockAdmin.purchasing.ordered')}
      />
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {action.error !== null && <StockError error={action.error} lines={lines} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          {action.pending ? t('stockAdmin.saving') : t('stockAdmin.purchasing.create')}
        </button>
      </div>
    </form>
  );
}
