// The ERP connection's fields: base URL, on/off, the flows sent and the daily-sales time; and a
// button that rotates the signing secret. `onSave` throws the API's error to show.
import { ERP_FLOWS, type ErpConnection, type ErpFlow, type PutErpConnectionBody } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';

export function ConnectionForm({
  connection,
  onSave,
}: {
  connection: ErpConnection | null;
  onSave: (body: PutErpConnectionBody) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [baseUrl, setBaseUrl] = useState(connection?.baseUrl ?? '');
  const [isEnabled, setEnabled] = useState(connection?.isEnabled ?? true);
  const [flows, setFlows] = useState<ErpFlow[]>(connection?.flows ?? [...ERP_FLOWS]);
  const [dailySalesAt, setDailySalesAt] = useState(connection?.dailySalesAt ?? '02:00');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(body: PutErpConnectionBody) {
    setPending(true);
    setError(null);
    try {
      await onSave(body);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save({ baseUrl: baseUrl.trim(), isEnabled, flows, dailySalesAt });
  }

  const toggle = (flow: ErpFlow, isOn: boolean) =>
    setFlows((current) => ERP_FLOWS.filter((f) => (f === flow ? isOn : current.includes(f))));

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('erpAdmin.connection')}</h2>
      {!connection && <p>{t('erpAdmin.notConnected')}</p>}
      {error !== null && (
        <ErrorNotice
          error={error}
          fieldLabels={{
            baseUrl: t('erpAdmin.baseUrl'),
            flows: t('erpAdmin.flows'),
            dailySalesAt: t('erpAdmin.dailySalesAt'),
          }}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('erpAdmin.baseUrl')}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          required
          maxLength={500}
          placeholder="https://"
          autoComplete="off"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={isEnabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('erpAdmin.isEnabled')}</span>
      </label>
      <fieldset className="stack">
        <legend>{t('erpAdmin.flows')}</legend>
        {ERP_FLOWS.map((flow) => (
          <label key={flow} className="checkbox">
            <input
              type="checkbox"
              checked={flows.includes(flow)}
              onChange={(e) => toggle(flow, e.target.checked)}
            />
            <span>{t(`erpAdmin.flow.${flow}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-time`}>{t('erpAdmin.dailySalesAt')}</label>
        <input
          id={`${id}-time`}
          type="time"
          required
          value={dailySalesAt}
          onChange={(e) => setDailySalesAt(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t('erpAdmin.saving') : connection ? t('erpAdmin.save') : t('erpAdmin.connect')}
        </button>
        {connection && (
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => void save({ rotateSecret: true })}
          >
            {t('erpAdmin.rotate')}
          </button>
        )}
      </div>
    </form>
  );
}
