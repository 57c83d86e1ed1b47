// Connect a third-party location: pick it, give the warehouse's base URL, choose whether the web
// shop's home deliveries go there. `onSubmit` throws the API's error to show.
import type { StockLocation } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';

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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (change: Partial<ConnectorFormValues>) => setValues((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSubmit({ ...values, baseUrl: values.baseUrl.trim() });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  if (locations.length === 0) return <p>{t('integrationsAdmin.noThirdParty')}</p>;
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('integrationsAdmin.add')}</h3>
      {error !== null && (
        <ErrorNotice
          error={error}
          fieldLabels={{
            locationId: t('integrationsAdmin.location'),
            baseUrl: t('integrationsAdmin.baseUrl'),
          }}
        />
      )}
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
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('integrationsAdmin.baseUrl')}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          required
          maxLength={500}
          placeholder="https://"
          autoComplete="off"
          value={values.baseUrl}
          onChange={(e) => set({ baseUrl: e.target.value })}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.isHomeDelivery}
          onChange={(e) => set({ isHomeDelivery: e.target.checked })}
        />
        <span>{t('integrationsAdmin.isHomeDelivery')}</span>
      </label>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {t('integrationsAdmin.create')}
        </button>
      </div>
    </form>
  );
}
