// Ship a line home instead: from another location that has the SKU (the line's availability),
// to the address staff enter (the customer's name filled in).
import type { Address, LineAvailability } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { LineForm, type LineFormProps, lineName } from './LineForms';

export function ShipHomeForm({
  line,
  busy,
  customerName,
  loadAvailability,
  onSubmit,
  onCancel,
}: LineFormProps<{ locationId: string; address: Address }> & {
  customerName: string;
  loadAvailability: () => Promise<LineAvailability>;
}) {
  const t = useT();
  const id = useId();
  const [availability, setAvailability] = useState<LineAvailability | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const [address, setAddress] = useState<Address>({
    name: customerName,
    street: '',
    postalCode: '',
    city: '',
    country: 'SE',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const loadRef = useRef(loadAvailability);

  useEffect(() => {
    let isCurrent = true;
    loadRef
      .current()
      .then((result) => {
        if (!isCurrent) return;
        setAvailability(result);
        const first = result.items.find((i) => i.available >= line.quantity) ?? result.items[0];
        if (first) setLocationId(first.locationId);
      })
      .catch((e) => isCurrent && setLoadError(e));
    return () => {
      isCurrent = false;
    };
  }, [line.quantity]);

  function submit() {
    if (!locationId) return setProblem(t('pos.orders.ship.chooseFirst'));
    setProblem(null);
    onSubmit({ locationId, address });
  }

  const field = (key: 'name' | 'street' | 'postalCode' | 'city', label: string, autoComplete: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        value={address[key]}
        autoComplete={autoComplete}
        required
        onChange={(e) => setAddress((a) => ({ ...a, [key]: e.target.value }))}
      />
    </label>
  );

  return (
    <LineForm
      heading={t('pos.orders.ship.heading', { name: lineName(line) })}
      busy={busy}
      problem={problem}
      submitLabel={t('pos.orders.ship.submit')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {loadError !== null && <ErrorNotice error={loadError} />}
      {!availability && loadError === null && <p role="status">{t('common.loading')}</p>}
      {availability && availability.items.length === 0 && <p>{t('pos.orders.ship.none')}</p>}
      {availability && availability.items.length > 0 && (
        <fieldset className="stack">
          <legend>{t('pos.orders.ship.from')}</legend>
          {availability.items.map((item) => (
            <label key={item.locationId} className="radio-row">
              <input
                type="radio"
                name={`${id}-location`}
                checked={locationId === item.locationId}
                onChange={() => setLocationId(item.locationId)}
              />
              {t('pos.orders.ship.available', { name: item.locationName, count: item.available })}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="stack">
        <legend>{t('pos.orders.ship.address')}</legend>
        {field('name', t('pos.orders.ship.name'), 'name')}
        {field('street', t('pos.orders.ship.street'), 'street-address')}
        {field('postalCode', t('pos.orders.ship.postalCode'), 'postal-code')}
        {field('city', t('pos.orders.ship.city'), 'address-level2')}
      </fieldset>
    </LineForm>
  );
}
