// Create or edit a customer: kind, name, contact details, personal or organisation number (checked
// by the server, which names a bad field), card, terms, credit, addresses and contacts.
import type { Address, Customer, CustomerContact, CustomerKind } from '@handla/api';
import { ErrorNotice, useApi, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { AddressFields, type AddressValues, EMPTY_ADDRESS } from './AddressFields';
import { GroupsField } from './GroupsField';

interface Values {
  kind: CustomerKind;
  name: string;
  email: string;
  phone: string;
  personalNumber: string;
  orgNumber: string;
  cardNumber: string;
  paymentTermsDays: string;
  creditLimitKronor: string;
  deliveryAddress: AddressValues;
  invoiceAddress: AddressValues;
  contacts: { key: number; name: string; email: string; phone: string; role: string }[];
  groups: string[];
}

// Contacts have no id of their own: each row in the form gets a key for React.
let contactKeys = 0;

const text = (v: string | null | undefined) => v ?? '';
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
const addressOf = (a: AddressValues): Address | null =>
  a.street.trim() === '' && a.name.trim() === '' ? null : { ...a, country: a.country.toUpperCase() };

function valuesOf(c: Customer | undefined): Values {
  return {
    kind: c?.kind ?? 'consumer',
    name: text(c?.name),
    email: text(c?.email),
    phone: text(c?.phone),
    personalNumber: text(c?.personalNumber),
    orgNumber: text(c?.orgNumber),
    cardNumber: text(c?.cardNumber),
    paymentTermsDays: c?.paymentTermsDays == null ? '' : String(c.paymentTermsDays),
    creditLimitKronor: c?.creditLimit == null ? '' : String(c.creditLimit / 100),
    deliveryAddress: c?.deliveryAddress ?? EMPTY_ADDRESS,
    invoiceAddress: c?.invoiceAddress ?? EMPTY_ADDRESS,
    contacts: (c?.contacts ?? []).map((k) => ({
      key: ++contactKeys,
      name: k.name,
      email: text(k.email),
      phone: text(k.phone),
      role: text(k.role),
    })),
    groups: c?.groups ?? [],
  };
}

function bodyOf(v: Values) {
  const contacts: CustomerContact[] = v.contacts
    .filter((k) => k.name.trim() !== '')
    .map((k) => ({
      name: k.name.trim(),
      email: orNull(k.email),
      phone: orNull(k.phone),
      role: orNull(k.role),
    }));
  return {
    kind: v.kind,
    name: v.name.trim(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    personalNumber: v.kind === 'consumer' ? orNull(v.personalNumber) : null,
    orgNumber: v.kind === 'company' ? orNull(v.orgNumber) : null,
    cardNumber: orNull(v.cardNumber),
    paymentTermsDays: orNull(v.paymentTermsDays) === null ? null : Number(v.paymentTermsDays),
    // Kronor in the form, öre in the API.
    creditLimit:
      orNull(v.creditLimitKronor) === null
        ? null
        : Math.round(Number(v.creditLimitKronor.replace(',', '.')) * 100),
    deliveryAddress: addressOf(v.deliveryAddress),
    invoiceAddress: addressOf(v.invoiceAddress),
    contacts,
    groups: v.groups,
  };
}

/** A create form without `customer`, an edit form with it; `onSaved` gets the stored customer. */
export function CustomerForm({ customer, onSaved }: { customer?: Customer; onSaved: (c: Customer) => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const [values, setValues] = useState(() => valuesOf(customer));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const body = bodyOf(values);
      onSaved(
        customer
          ? await api.crm.update(customer.id, { version: customer.version, ...body })
          : await api.crm.create(body),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  }

  const input = (
    field: 'name' | 'email' | 'phone' | 'personalNumber' | 'orgNumber' | 'cardNumber',
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{t(`crmAdmin.${field}`)}</label>
      {hint && (
        <span id={`${id}-${field}-hint`} className="hint">
          {hint}
        </span>
      )}
      <input
        id={`${id}-${field}`}
        type={field === 'email' ? 'email' : 'text'}
        inputMode={field === 'phone' ? 'tel' : undefined}
        required={field === 'name'}
        maxLength={200}
        autoComplete="off"
        aria-describedby={hint ? `${id}-${field}-hint` : undefined}
        value={values[field]}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </div>
  );

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{customer ? t('crmAdmin.edit') : t('crmAdmin.new')}</h3>
      {error !== null && (
        <ErrorNotice
          error={error}
          fieldLabels={{
            name: t('crmAdmin.name'),
            email: t('crmAdmin.email'),
            phone: t('crmAdmin.phone'),
            personalNumber: t('crmAdmin.personalNumber'),
            orgNumber: t('crmAdmin.orgNumber'),
            cardNumber: t('crmAdmin.cardNumber'),
            paymentTermsDays: t('crmAdmin.paymentTermsDays'),
            creditLimit: t('crmAdmin.creditLimit'),
            deliveryAddress: t('crmAdmin.deliveryAddress'),
            invoiceAddress: t('crmAdmin.invoiceAddress'),
            contacts: t('crmAdmin.contacts'),
            groups: t('crmAdmin.groups'),
          }}
        />
      )}
      <fieldset className="customer-fieldset">
        <legend>{t('crmAdmin.kind')}</legend>
        {(['consumer', 'company'] as const).map((kind) => (
          <label key={kind} className="checkbox">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={values.kind === kind}
              onChange={() => set({ kind })}
            />
            <span>{t(`crmAdmin.kind.${kind}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="customer-columns">
        <div className="stack">
          {input('name')}
          {input('email')}
          {input('phone')}
          {values.kind === 'consumer'
            ? input('personalNumber', t('crmAdmin.personalNumberHint'))
            : input('orgNumber', t('crmAdmin.orgNumberHint'))}
          {input('cardNumber')}
          <div className="field">
            <label htmlFor={`${id}-terms`}>{t('crmAdmin.paymentTermsDays')}</label>
            <input
              id={`${id}-terms`}
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              value={values.paymentTermsDays}
              onChange={(e) => set({ paymentTermsDays: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-credit`}>{t('crmAdmin.creditLimit')}</label>
            <input
              id={`${id}-credit`}
              type="text"
              inputMode="decimal"
              pattern="[0-9]+([.,][0-9]{1,2})?"
              value={values.creditLimitKronor}
              onChange={(e) => set({ creditLimitKronor: e.target.value })}
            />
          </div>
        </div>
        <AddressFields
          legend={t('crmAdmin.deliveryAddress')}
          idPrefix={`${id}-delivery`}
          value={values.deliveryAddress}
          onChange={(deliveryAddress) => set({ deliveryAddress })}
        />
        <AddressFields
          legend={t('crmAdmin.invoiceAddress')}
          idPrefix={`${id}-invoice`}
          value={values.invoiceAddress}
          onChange={(invoiceAddress) => set({ invoiceAddress })}
        />
      </div>
      <GroupsField value={values.groups} onChange={(groups) => set({ groups })} />
      <fieldset className="customer-fieldset stack">
        <legend>{t('crmAdmin.contacts')}</legend>
        {values.contacts.map((contact, i) => {
          const n = i + 1;
          const change = (patch: Partial<typeof contact>) =>
            set({ contacts: values.contacts.map((k, j) => (j === i ? { ...k, ...patch } : k)) });
          return (
            <fieldset key={contact.key} className="customer-columns">
              <legend className="visually-hidden">{t('crmAdmin.contact.heading', { n })}</legend>
              {(['name', 'email', 'phone', 'role'] as const).map((field) => (
                <div className="field" key={field}>
                  <label htmlFor={`${id}-contact${n}-${field}`}>
                    {field === 'name'
                      ? t('crmAdmin.contact.name')
                      : field === 'role'
                        ? t('crmAdmin.contact.role')
                        : t(`crmAdmin.${field}`)}
                  </label>
                  <input
                    id={`${id}-contact${n}-${field}`}
                    type={field === 'email' ? 'email' : 'text'}
                    value={contact[field]}
                    onChange={(e) => change({ [field]: e.target.value })}
                  />
                </div>
              ))}
              <button
                type="button"
                className="button button-quiet"
                onClick={() => set({ contacts: values.contacts.filter((_, j) => j !== i) })}
              >
                {t('crmAdmin.contact.remove', { n })}
              </button>
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button"
          onClick={() =>
            set({
              contacts: [
                ...values.contacts,
                { key: ++contactKeys, name: '', email: '', phone: '', role: '' },
              ],
            })
          }
        >
          {t('crmAdmin.contact.add')}
        </button>
      </fieldset>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending
          ? customer
            ? t('crmAdmin.saving')
            : t('crmAdmin.creating')
          : customer
            ? t('crmAdmin.save')
            : t('crmAdmin.create')}
      </button>
    </form>
  );
}
