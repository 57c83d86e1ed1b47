// Attach a customer to the receipt: scan their loyalty card or search by phone, name or number,
// see their history, or add a new one. Needs the network; the sale goes on without it.
import type { Customer, CustomerHistoryEntry } from '@handla/api';
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { CustomerHistoryList } from '../customers/CustomerHistoryList';
import { cartCustomerOf, customerFacts, customerWithCard } from '../customers/customer-view';
import { customersApi } from '../customers/customers-api';
import { NewCustomerForm } from '../customers/NewCustomerForm';
import { useRegister } from '../register-context';
import { createWedgeDetector } from '../scanner/wedge';
import type { CartCustomer } from './cart';

type History =
  | { state: 'loading' }
  | { state: 'done'; items: CustomerHistoryEntry[] }
  | { state: 'failed'; error: unknown };

export function CustomerPicker({
  onPick,
  onClose,
}: {
  onPick: (customer: CartCustomer) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { device, isOnline } = useRegister();
  const api = useMemo(() => customersApi(device.registerId, device.deviceToken), [device]);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Customer[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<Customer | null>(null);
  const [history, setHistory] = useState<History>({ state: 'loading' });
  const [isAdding, setIsAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  // The sale's own scanner is off while this panel is open; the search field reads card scans itself.
  const wedge = useRef(createWedgeDetector());
  useEffect(() => inputRef.current?.focus(), []);

  async function choose(customer: Customer) {
    setChosen(customer);
    setHistory({ state: 'loading' });
    try {
      setHistory({ state: 'done', items: (await api.history(customer.id)).items });
    } catch (e) {
      setHistory({ state: 'failed', error: e });
    }
  }

  async function search(q: string, isScan: boolean) {
    if (q === '' || !isOnline) return;
    setError(null);
    setNotice('');
    setSearching(true);
    try {
      const items = (await api.search(q)).items;
      setFound(items);
      // A scanned card goes straight to its customer: the cashier's hands are on the goods.
      const carded = isScan ? customerWithCard(items, q) : null;
      if (carded) await choose(carded);
    } catch (e) {
      setError(e);
    } finally {
      setSearching(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void search(query.trim(), false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const result = wedge.current.feed(event.key, event.timeStamp);
    if (result.kind !== 'scan') return;
    event.preventDefault();
    setQuery(result.code);
    void search(result.code, true);
  }

  if (chosen) {
    return (
      <section className="card stack customer-picker" aria-labelledby="customer-heading">
        <h3 id="customer-heading">{chosen.name}</h3>
        {notice && <p role="status">{notice}</p>}
        <p className="muted">
          {[
            ...customerFacts(chosen),
            chosen.cardNumber ? t('pos.customers.card', { card: chosen.cardNumber }) : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => onPick(cartCustomerOf(chosen))}
        >
          {t('pos.customers.attach', { name: chosen.name })}
        </button>
        <div aria-live="polite">
          {history.state === 'loading' && <p>{t('pos.customers.history.loading')}</p>}
          {history.state === 'failed' && (
            <ErrorNotice error={history.error} onRetry={() => void choose(chosen)} />
          )}
          {history.state === 'done' && <CustomerHistoryList items={history.items} />}
        </div>
        <div className="search-row">
          <button type="button" className="button button-quiet" onClick={() => setChosen(null)}>
            {t('pos.customers.back')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('pos.close')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card stack customer-picker" aria-labelledby="customer-heading">
      <h3 id="customer-heading">{t('pos.customers.heading')}</h3>
      {!isOnline && (
        <p className="notice" role="status">
          {t('pos.customers.offline')}
        </p>
      )}
      <form onSubmit={onSubmit} className="search-row">
        <label className="field">
          <span>{t('pos.customers.search')}</span>
          <input
            ref={inputRef}
            type="search"
            autoComplete="off"
            data-scan-field
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        <button type="submit" className="button" disabled={!isOnline || searching || query.trim() === ''}>
          {t('pos.customers.find')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!isOnline}
          aria-expanded={isAdding}
          onClick={() => setIsAdding(true)}
        >
          {t('pos.customers.new.open')}
        </button>
      </form>
      <div aria-live="polite">
        {searching && <p>{t('pos.customers.searching')}</p>}
        {!searching && found?.length === 0 && <p>{t('pos.customers.none')}</p>}
        {!searching && found && found.length > 0 && (
          <p className="visually-hidden">{t('pos.customers.found', { count: found.length })}</p>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} />}
      {isAdding && isOnline && (
        <NewCustomerForm
          api={api}
          onCancel={() => setIsAdding(false)}
          onSaved={(customer, isNew) => {
            setIsAdding(false);
            if (!isNew) setNotice(t('pos.customers.new.matched', { name: customer.name }));
            void choose(customer);
          }}
        />
      )}
      {found && found.length > 0 && (
        <ul className="plain-list customer-results" aria-label={t('pos.customers.results')}>
          {found.map((c) => (
            <li key={c.id}>
              <button type="button" className="button search-result" onClick={() => void choose(c)}>
                <span>{c.name}</span>
                <span className="muted">{customerFacts(c).join(' · ')}</span>
                {c.cardNumber && (
                  <span className="muted">{t('pos.customers.card', { card: c.cardNumber })}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button-quiet" onClick={onClose}>
        {t('pos.close')}
      </button>
    </section>
  );
}
