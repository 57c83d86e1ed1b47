// Connect a third-party location: pick it, give the warehouse's base URL, choose whether the web
// shop's home deliveries go there. `onSubmit` throws the API's error to show.
import type { StockLocation } from '@handla/api';
import { useT } from '@handla/ui';
import { useId, useState } from 'react';
import { EndpointForm } from '../pages/EndpointForm';

export interface ConnectorFormValues {
  locationId: string;
  baseUrl: string;
  isHomeDelivery: boolean;
}

export function ConnectorForm({
  locations,
  onSubmit,
}: {
  locations: readonly StockLocation[];
  onSubmit: (values: ConnectorFormValues) => Promise<void>;
}) {
  const t = useT();
  const id = useId();
  const [values, setValues] = useState<ConnectorFormValues>({
    locationId: locations[0]?.id ?? '',
    baseUrl: '',
    isHomeDelivery: false,
  });
  const set = (change: Partial<ConnectorFormValues>) => setValues((current) => ({ ...current, ...change }));

  if (locations.length === 0) return <p>{t('integrationsAdmin.noThirdParty')}</p>;
  return (
    <EndpointForm
      heading={t('integrationsAdmin.add')}
      urlLabel={t('integrationsAdmin.baseUrl')}
      url={values.baseUrl}
      onUrlChange={(baseUrl) => set({ baseUrl })}
      fieldLabels={{
        locationId: t('integrationsAdmin.location'),
        baseUrl: t('integrationsAdmin.baseUrl'),
      }}
      submitLabel={t('integrationsAdmin.create')}
      onSubmit={(baseUrl) => onSubmit({ ...values, baseUrl })}
      beforeUrl={
        <div className="field">
          <label htmlFor={`${id}-location`}>{t('integrationsAdmin.location')}</label>
          <select
            id={`${id}-location`}
            required
            value={values.locationId}
            onChange={(e) => set({ locationId: e.target.value })}
          >
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.code})
              </option>
            ))}
          </select>
        </div>
      }
    >
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.isHomeDelivery}
          onChange={(e) => set({ isHomeDelivery: e.target.checked })}
        />
        <span>{t('integrationsAdmin.isHomeDelivery')}</span>
      </label>
    </EndpointForm>
  );
}
