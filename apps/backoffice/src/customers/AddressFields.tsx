// A delivery or invoice address in the customer form: empty fields mean no address.
import { useT } from '@handla/ui';

export interface AddressValues {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
}

export const EMPTY_ADDRESS: AddressValues = { name: '', street: '', postalCode: '', city: '', country: 'SE' };

const FIELDS = ['name', 'street', 'postalCode', 'city', 'country'] as const;

export function AddressFields({
  legend,
  idPrefix,
  value,
  onChange,
}: {
  legend: string;
  idPrefix: string;
  value: AddressValues;
  onChange: (value: AddressValues) => void;
}) {
  const t = useT();
  return (
    <fieldset className="customer-fieldset stack">
      <legend>{legend}</legend>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${idPrefix}-${field}`}>{t(`crmAdmin.address.${field}`)}</label>
          <input
            id={`${idPrefix}-${field}`}
            type="text"
            maxLength={field === 'country' ? 2 : 200}
            autoComplete="off"
            value={value[field]}
            onChange={(e) => onChange({ ...value, [field]: e.target.value })}
          />
        </div>
      ))}
    </fieldset>
  );
}
