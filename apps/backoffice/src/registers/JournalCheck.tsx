import type { JournalVerification } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { useId, useState } from 'react';
import { useAction } from '../stock/shared/useAction';

/** Verifies the register's whole journal on demand and says plainly where it breaks. */
export function JournalCheck({ registerId }: { registerId: string }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const action = useAction();
  const [result, setResult] = useState<JournalVerification | null>(null);

  async function verify() {
    setResult(null);
    const verified = await action.run(() => api.register.verifyJournal(registerId));
    if (verified) setResult(verified);
  }

  return (
    <section className="stack" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('registersAdmin.journal.heading')}</h2>
      <p className="muted">{t('registersAdmin.journal.explain')}</p>
      <div>
        <button type="button" className="button button-primary" onClick={verify} disabled={action.pending}>
          {t('registersAdmin.journal.verify')}
        </button>
      </div>
      {action.pending && <p className="muted">{t('common.loading')}</p>}
      {action.error !== null && <ErrorNotice error={action.error} />}
      {result?.ok === true && (
        <p className="notice registers-ok" role="status">
          {t('registersAdmin.journal.ok', { entries: result.entries })}
        </p>
      )}
      {result?.ok === false && (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>
              {t('registersAdmin.journal.broken', {
                sequence: result.firstBrokenSequence,
                entries: result.entries,
              })}
            </strong>
          </p>
          <p>{t('registersAdmin.journal.reason', { reason: result.reason })}</p>
        </div>
      )}
    </section>
  );
}
