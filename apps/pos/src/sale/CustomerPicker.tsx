// Attach a customer to the receipt (needed for invoice): search by name while online.
import type { Customer } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useRegister } from '../register-context';
import type { CartCustomer } from './cart';

export function CustomerPicker({
  onPick,
  onClose,
}: {
  onPick: (customer: CartCustomer) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { api, isOnline } = useRegister();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Customer[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => inputRef.current?.focus(), []);

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setFound((await api.customers(query.trim())).items);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card stack" aria-labelledby="customer-heading">
      <h3 id="customer-heading">{t('pos.customer.heading')}</h3>
      {!isOnline && <p>{t('pos.customer.offline')}</p>}
      <form onSubmit={search} className="search-row">
        <label className="field">
          <span>{t('pos.customer.search')}</span>
          <input ref={inputRef} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!isOnline || query.trim() === ''}>
          {t('pos.customer.find')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
      {found?.length === 0 && <p>{t('pos.customer.none')}</p>}
      <ul className="plain-list">
        {found?.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className="button search-result"
              onClick={() => onPick({ id: c.id, name: c.name })}
            >
              <span>{c.name}</span>
              <span className="muted">{c.email ?? c.orgNumber ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('pos.close')}
      </button>
    </section>
  );
}
