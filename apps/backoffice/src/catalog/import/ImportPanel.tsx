import type { ImportKind } from '@handla/api';
import { useT } from '@handla/ui';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { ImportProgress } from './ImportProgress';
import { ImportReport } from './ImportReport';
import { useImportJob } from './useImportJob';

const KINDS: readonly ImportKind[] = ['products', 'prices', 'stock'];

/** Choose what the file holds and the file; test it (a dry run), then import it for real. */
export function ImportPanel({ onFinished }: { onFinished: () => void }) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('products');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState(false);
  const importJob = useImportJob(onFinished);
  const { job } = importJob;

  async function pickFile(event: ChangeEvent<HTMLInputElement>) {
    importJob.reset();
    setFileError(false);
    const picked = event.target.files?.[0];
    if (!picked) return setFile(null);
    try {
      setFile({ name: picked.name, text: await picked.text() });
    } catch {
      setFile(null);
      setFileError(true);
    }
  }

  function testFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) void importJob.start({ kind, dryRun: true, fileName: file.name, text: file.text });
  }

  const canImport =
    file !== null &&
    job?.isDryRun === true &&
    job.status === 'succeeded' &&
    job.errorCount === 0 &&
    job.kind === kind;

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.import.importHeading')}</h3>
      <p className="muted">{t('catalogAdmin.import.explain')}</p>
      <form className="stack" onSubmit={testFile}>
        <fieldset>
          <legend>{t('catalogAdmin.import.kind')}</legend>
          <div className="radio-row">
            {KINDS.map((k) => (
              <label key={k} className="checkbox">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={k}
                  checked={kind === k}
                  onChange={() => {
                    setKind(k);
                    importJob.reset();
                  }}
                />
                <span>{t(`catalogAdmin.import.kind.${k}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('catalogAdmin.import.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => void pickFile(e)}
          />
          <p id={`${id}-file-hint`} className="field-hint">
            {t(`catalogAdmin.import.columns.${kind}`)}
          </p>
        </div>
        {fileError && (
          <p className="notice notice-error" role="alert">
            {t('catalogAdmin.import.unreadable')}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={!file || importJob.isRunning}>
            {t('catalogAdmin.import.test')}
          </button>
          {canImport && (
            <button
              type="button"
              className="button button-primary"
              disabled={importJob.isRunning}
              onClick={() =>
                void importJob.start({ kind, dryRun: false, fileName: file.name, text: file.text })
              }
            >
              {t('catalogAdmin.import.run')}
            </button>
          )}
        </div>
      </form>
      <CatalogError error={importJob.error} />
      <ImportProgress job={job} isStarting={importJob.isRunning && job === null} />
      {job && (job.status === 'succeeded' || job.status === 'failed') && (
        <ImportReport key={job.id} job={job} />
      )}
    </section>
  );
}
