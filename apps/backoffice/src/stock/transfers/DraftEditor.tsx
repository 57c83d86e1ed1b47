import type { StockTransfer } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { type DraftLine, LineEditor, linesForServer } from '../shared/LineEditor';

/** A draft's lines and note, edited before it is sent (e.g. after the source had too few). */
export function DraftEditor({
  transfer,
  pending,
  onSave,
  onClose,
}: {
  transfer: StockTransfer;
  pending: boolean;
  onSave: (body: { note: string; lines: { skuId: string; quantity: number }[] }) => void;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const [lines, setLines] = useState<DraftLine[]>(() =>
    transfer.lines.map((l) => ({ skuId: l.skuId, quantity: String(l.quantity) })),
  );
  const [note, setNote] = useState(transfer.note);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = linesForServer(lines);
    if (lines.length === 0) return setProblem(t('stockAdmin.lines.needOne'));
    if (!parsed) return setProblem(t('stockAdmin.lines.badQuantity'));
    setProblem(null);
    onSave({ note: note.trim(), lines: parsed });
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('stockAdmin.transfers.editHeading')}</h3>
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
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('stockAdmin.saving') : t('stockAdmin.transfers.saveDraft')}
        </button>
        <button type="button" className="button" disabled={pending} onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
