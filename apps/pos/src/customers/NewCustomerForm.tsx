// A new customer at the register: posted to match-or-create, so a known person comes back as
// themselves instead of a duplicate. A 400's field errors are shown beside their inputs.
import type { Customer } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import {
  EMPTY_NEW_CUSTOMER,
  type NewCustomerForm as Form,
  formFieldErrors,
  type NewCustomerField,
  newCustomerBody,
} from './customer-view';
import type { CustomersApi } from './customers-api';

const FIELDS: { field: NewCustomerField; type: string; autoComplete: string }[] = [
  { field: 'name', type: 'text', autoComplete: 'name' },
  { field: 'phone', type: 'tel', autoComplete: 'tel' },
  { field: 'email', type: 'email', autoComplete: 'email' },
  { field: 'personalNumber', type: 'text', autoComplete: 'off' },
];

export function NewCustomerForm({
  api,
  onSaved,
  onCancel,
}: {
  api: CustomersApi;
  /** `isNew` false: the person was already a customer (matched on e-mail or number). */
  onSaved: (customer: Customer, isNew: boolean) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form, setForm] = useState<Form>(EMPTY_NEW_CUSTOMER);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => nameRef.current?.focus(), []);
  const fieldErrors = formFieldErrors(error);
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const match = await api.matchOrCreate(newCustomerBody(form));
      onSaved(match.customer, match.isNew);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card stack new-customer"
      onSubmit={save}
      aria-labelledby="new-customer-heading"
      noValidate
    >
      <h4 id="new-customer-heading">{t('pos.customers.new.heading')}</h4>
      {FIELDS.map(({ field, type, autoComplete }) => {
        const invalid = fieldErrors[field] !== undefined;
        return (
          <label className="field" key={field}>
            <span>{t(`pos.customers.new.${field}`)}</span>
            <input
              ref={field === 'name' ? nameRef : undefined}
              type={type}
              autoComplete={autoComplete}
              required={field === 'name'}
              value={form[field]}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `new-customer-${field}-error` : undefined}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
            />
            {invalid && (
              <span className="field-error" role="alert" id={`new-customer-${field}-error`}>
                {t(`pos.customers.new.invalid.${field}`)}
              </span>
            )}
          </label>
        );
      })}
      {error !== null && !hasFieldErrors && <ErrorNotice error={error} />}
      <div className="search-row">
        <button type="submit" className="button button-primary" disabled={busy || form.name.trim() === ''}>
          {t('pos.customers.new.save')}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t('pos.customers.new.cancel')}
        </button>
      </div>
    </form>
  );
}
