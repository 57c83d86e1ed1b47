import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { goToStock, stockHref } from '../paths';
import { type DraftLine, LineEditor, linesForServer } from '../shared/LineEditor';
import { LocationSelect } from '../shared/LocationSelect';
import { useStockData } from '../shared/StockData';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';

/** A new transfer: from, to, lines; it is saved as a draft, and nothing moves until it is sent. */
export function NewTransferForm() {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const { homeLocationId } = useStockData();
  const [fromLocationId, setFrom] = useState(homeLocationId ?? '');
  const [toLocationId, setTo] = useState('');
  const [note, setNote] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const action = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = linesForServer(lines);
    if (!fromLocationId || !toLocationId) return setProblem(t('stockAdmin.transfers.chooseBoth'));
    if (fromLocationId === toLocationId) return setProblem(t('stockAdmin.transfers.sameLocation'));
    if (lines.length === 0) return setProblem(t('stockAdmin.lines.needOne'));
    if (!parsed) return setProblem(t('stockAdmin.lines.badQuantity'));
    setProblem(null);
    const created = await action.run(() =>
      stock.createTransfer({
        fromLocationId,
        toLocationId,
        note: note.trim() || undefined,
        lines: parsed,
      }),
    );
    if (created) goToStock('transfers', created.id);
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <a className="stock-back" href={stockHref('transfers')}>
        ← {t('stockAdmin.transfers.back')}
      </a>
      <h2 id={`${id}-heading`}>{t('stockAdmin.transfers.new')}</h2>
      <p className="muted">{t('stockAdmin.transfers.draftExplained')}</p>
      <div className="stock-filters">
        <LocationSelect
          label={t('stockAdmin.transfers.from')}
          value={fromLocationId}
          onChange={setFrom}
          required
        />
        <LocationSelect
          label={t('stockAdmin.transfers.to')}
          value={toLocationId}
          onChange={setTo}
          exclude={fromLocationId}
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
      <LineEditor
        lines={lines}
        onChange={setLines}
        caption={t('stockAdmin.lines.caption')}
        quantityLabel={t('stockAdmin.col.quantity')}
      />
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      {action.error !== null && <StockError error={action.error} lines={lines} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          {action.pending ? t('stockAdmin.saving') : t('stockAdmin.transfers.create')}
        </button>
      </div>
    </form>
  );
}
