import type { Supplier } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { parseQuantity } from '../shared/LineEditor';
import { StockError } from '../shared/StockError';
import { useAction } from '../shared/useAction';
import { useStockApi } from '../shared/useStockApi';

const EMPTY = { code: '', name: '', email: '', phone: '', leadTimeDays: '7' };

/** A new supplier: code, name, contact and lead time. */
export function NewSupplierForm({ onCreated }: { onCreated: (supplier: Supplier) => void }) {
  const t = useT();
  const stock = useStockApi();
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const action = useAction();
  const set = (field: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const labels = {
    code: t('stockAdmin.suppliers.code'),
    name: t('stockAdmin.suppliers.name'),
    email: t('stockAdmin.suppliers.email'),
    phone: t('stockAdmin.suppliers.phone'),
    leadTimeDays: t('stockAdmin.suppliers.leadTime'),
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await action.run(() =>
      stock.createSupplier({
        code: form.code.trim().toUpperCase(),
        name: form.name.trim(),
        email: form.email.trim() || undefined,
        phone: form.phone.trim() || undefined,
        leadTimeDays: parseQuantity(form.leadTimeDays) ?? 7,
      }),
    );
    if (!created) return;
    setForm(EMPTY);
    onCreated(created);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('stockAdmin.suppliers.new')}</h3>
      {action.error !== null && <StockError error={action.error} fieldLabels={labels} />}
      <div className="stock-form-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{labels.name}</label>
          <input
            id={`${id}-name`}
            type="text"
            required
            maxLength={200}
            value={form.name}
            onChange={set('name')}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{labels.code}</label>
          <input
            id={`${id}-code`}
            type="text"
            required
            maxLength={30}
            pattern="[A-Za-z0-9\-]{2,30}"
            aria-describedby={`${id}-code-hint`}
            value={form.code}
            onChange={set('code')}
          />
          <span id={`${id}-code-hint`} className="muted">
            {t('stockAdmin.suppliers.codeHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{labels.email}</label>
          <input id={`${id}-email`} type="email" maxLength={254} value={form.email} onChange={set('email')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-phone`}>{labels.phone}</label>
          <input id={`${id}-phone`} type="text" maxLength={40} value={form.phone} onChange={set('phone')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lead`}>{labels.leadTimeDays}</label>
          <input
            id={`${id}-lead`}
            type="number"
            min={0}
            max={365}
            step={1}
            required
            value={form.leadTimeDays}
            onChange={set('leadTimeDays')}
          />
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={action.pending}>
          {action.pending ? t('stockAdmin.saving') : t('stockAdmin.suppliers.create')}
        </button>
      </div>
    </form>
  );
}
