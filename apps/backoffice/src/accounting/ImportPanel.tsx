import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { importChartOfAccounts } from './accounting-client';
import { PanelNotices } from './PanelNotices';

/** Import a chart of accounts: a SIE file's #KONTO names, with upload progress. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const t = useT();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setNotice('');
    setProgress(0);
    try {
      const result = await importChartOfAccounts(file, setProgress);
      setNotice(
        t('accountingAdmin.import.done', {
          count: result.importedAccountNames,
          company: result.companyName ?? file.name,
        }),
      );
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  }

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('accountingAdmin.import.heading')}</h2>
      <p className="muted">{t('accountingAdmin.import.explain')}</p>
      <form className="stack" onSubmit={upload}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('accountingAdmin.import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".se,.si,.sie,.SE,.SI"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <p>
          <button type="submit" className="button" disabled={!file || progress !== null}>
            {t('accountingAdmin.import.upload')}
          </button>
        </p>
        {progress !== null && (
          <label>
            {t('accountingAdmin.import.progress')}{' '}
            <progress max={1} value={progress}>
              {Math.round(progress * 100)} %
            </progress>
          </label>
        )}
      </form>
      <PanelNotices error={error} notice={notice} />
    </section>
  );
}
