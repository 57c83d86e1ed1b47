import type { ResolvedPrice, SkuSummary } from '@handla/api';
import { useLoader, useT } from '@handla/ui';
import { type FormEvent, useCallback, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { fromLocalInput } from '../shared/dates';
import { Field } from '../shared/Field';
import { useStores } from '../shared/lookups';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import { ResolvedPriceFacts } from './ResolvedPriceFacts';

/** "What does this cost?": an article for a store, a customer and a time → price, source, VAT. */
export function PriceResolver() {
  const t = useT();
  const catalog = useCatalogApi();
  const stores = useStores();
  const customers = useLoader(useCallback(() => catalog.listCustomers({ limit: 200 }), [catalog]));
  const [code, setCode] = useState('');
  const [storeId, setStoreId] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [at, setAt] = useState('');
  const [result, setResult] = useState<{ sku: SkuSummary; price: ResolvedPrice } | null>(null);
  const resolve = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const answer = await resolve.run(async () => {
      const sku = await catalog.lookupSku(code.trim());
      const price = await catalog.resolvePrice({
        skuId: sku.id,
        storeId: storeId || undefined,
        customerId: customerId || undefined,
        at: fromLocalInput(at) ?? undefined,
      });
      return { sku, price };
    });
    if (answer) setResult(answer);
  }

  return (
    <section className="card stack" aria-labelledby="resolver-heading">
      <h3 id="resolver-heading">{t('catalogAdmin.resolver.heading')}</h3>
      <form className="stack" onSubmit={submit}>
        <div className="form-grid">
          <Field label={t('catalogAdmin.bundle.code')}>
            {(f) => (
              <input
                id={f.id}
                type="text"
                required
                maxLength={64}
                autoComplete="off"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('catalogAdmin.resolver.store')}>
            {(f) => (
              <select id={f.id} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
                <option value="">{t('catalogAdmin.resolver.noStore')}</option>
                {stores.data?.items.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('catalogAdmin.resolver.customer')}>
            {(f) => (
              <select id={f.id} value={customerId} onChange={(e) => setCustomerId(e.target.value)}>
                <option value="">{t('catalogAdmin.resolver.noCustomer')}</option>
                {customers.data?.items.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('catalogAdmin.resolver.at')} hint={t('catalogAdmin.resolver.atHint')}>
            {(f) => (
              <input
                id={f.id}
                type="datetime-local"
                aria-describedby={f.hintId}
                value={at}
                onChange={(e) => setAt(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={resolve.pending}>
            {t('catalogAdmin.resolver.submit')}
          </button>
        </div>
      </form>
      <CatalogError error={resolve.error} />
      <div role="status">{result && <ResolvedPriceFacts sku={result.sku} price={result.price} />}</div>
    </section>
  );
}
