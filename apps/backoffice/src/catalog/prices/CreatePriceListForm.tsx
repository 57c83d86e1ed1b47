import { useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { goTo } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { Field } from '../shared/Field';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** A new B2B price list: a code for files and integrations, a name, a currency. */
export function CreatePriceListForm({ onCreated }: { onCreated: () => void }) {
  const t = useT();
  const catalog = useCatalogApi();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('SEK');
  const create = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const list = await create.run(() =>
      catalog.createPriceList({ code: code.trim(), name: name.trim(), currency, kind: 'b2b' }),
    );
    if (!list) return;
    onCreated();
    goTo('prices', list.id);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="price-list-create-heading">
      <h3 id="price-list-create-heading">{t('catalogAdmin.prices.create')}</h3>
      <Field label={t('catalogAdmin.prices.name')}>
        {(f) => (
          <input
            id={f.id}
            type="text"
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('catalogAdmin.prices.code')} hint={t('catalogAdmin.prices.codeHint')}>
        {(f) => (
          <input
            id={f.id}
            type="text"
            required
            maxLength={40}
            pattern="[A-Z0-9][A-Z0-9_\-]*"
            aria-describedby={f.hintId}
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field label={t('catalogAdmin.prices.currency')}>
        {(f) => (
          <select id={f.id} value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {['SEK', 'EUR', 'NOK', 'DKK'].map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CatalogError
        error={create.error}
        fieldLabels={{ code: t('catalogAdmin.prices.code'), name: t('catalogAdmin.prices.name') }}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.pending}>
          {create.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.prices.createSubmit')}
        </button>
      </div>
    </form>
  );
}
