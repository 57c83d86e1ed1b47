// The ERP connection's fields: base URL, on/off, the flows sent and the daily-sales time; and a
// button that rotates the signing secret. `onSave` throws the API's error to show.
import { ERP_FLOWS, type ErpConnection, type ErpFlow, type PutErpConnectionBody } from '@handla/api';
import { useT } from '@handla/ui';
import { useId, useState } from 'react';
import { EndpointForm } from '../pages/EndpointForm';

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

  const toggle = (flow: ErpFlow, isOn: boolean) =>
    setFlows((current) => ERP_FLOWS.filter((f) => (f === flow ? isOn : current.includes(f))));

  return (
    <EndpointForm
      heading={t('erpAdmin.connection')}
      headingLevel={2}
      intro={!connection && <p>{t('erpAdmin.notConnected')}</p>}
      urlLabel={t('erpAdmin.baseUrl')}
      url={baseUrl}
      onUrlChange={setBaseUrl}
      fieldLabels={{
        baseUrl: t('erpAdmin.baseUrl'),
        flows: t('erpAdmin.flows'),
        dailySalesAt: t('erpAdmin.dailySalesAt'),
      }}
      submitLabel={connection ? t('erpAdmin.save') : t('erpAdmin.connect')}
      pendingLabel={t('erpAdmin.saving')}
      onSubmit={(url) => onSave({ baseUrl: url, isEnabled, flows, dailySalesAt })}
      secondary={
        connection ? { label: t('erpAdmin.rotate'), run: () => onSave({ rotateSecret: true }) } : undefined
      }
    >
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
    </EndpointForm>
  );
}
