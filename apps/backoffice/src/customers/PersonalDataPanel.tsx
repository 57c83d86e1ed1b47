// The person's data on request: export everything as a JSON file, or erase (anonymize) them.
import type { Customer } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { useId, useState } from 'react';
import { ConfirmButton } from '../pages/ConfirmButton';

export function PersonalDataPanel({ customer, onErased }: { customer: Customer; onErased: () => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  async function download() {
    setError(null);
    try {
      const data = await api.crm.exportData(customer.id);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `kund-${customer.id}.json`;
      link.click();
      URL.revokeObjectURL(url);
      setStatus(t('crmAdmin.exported'));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('crmAdmin.personalData')}</h3>
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void download()}>
          {t('crmAdmin.export')}
        </button>
      </div>
      {!customer.erasedAt && (
        <ConfirmButton
          label={t('crmAdmin.erase')}
          warning={t('crmAdmin.erase.warning')}
          confirmLabel={t('crmAdmin.erase.confirm')}
          isDanger
          onConfirm={async () => {
            await api.crm.erase(customer.id);
            setStatus(t('crmAdmin.erased'));
            onErased();
          }}
        />
      )}
      <p role="status" className={status ? 'notice' : 'visually-hidden'}>
        {status}
      </p>
    </section>
  );
}
