import type { SkuPrice, SkuSummary } from '@handla/api';
import { formatPrice, useLocale, useLocalized, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { Field } from '../shared/Field';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import type { PriceOwner } from './owners';
import { PriceForm } from './PriceForm';

interface Found {
  sku: SkuSummary;
  price: SkuPrice | undefined;
}

/** Finds one article by article number or EAN, shows its price here, and sets a new one. */
export function SkuPriceSearch({
  owner,
  onChanged,
}: {
  owner: PriceOwner;
  onChanged: (message: string) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const { locale } = useLocale();
  const localized = useLocalized();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const search = useAction();

  async function find(text: string) {
    setFound(null);
    const result = await search.run(async () => {
      const sku = await catalog.lookupSku(text.trim());
      return { sku, price: await owner.find(sku.id) };
    });
    if (result) setFound(result);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void find(code);
  }

  return (
    <section className="card stack" aria-labelledby="price-search-heading">
      <h3 id="price-search-heading">{t('catalogAdmin.prices.searchHeading')}</h3>
      <form className="inline-form" onSubmit={submit}>
        <Field label={t('catalogAdmin.prices.searchLabel')}>
          {(f) => (
            <input
              id={f.id}
              type="search"
              required
              maxLength={64}
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={search.pending}>
          {t('catalogAdmin.prices.find')}
        </button>
      </form>
      <CatalogError error={search.error} />
      {found && (
        <div className="stack found-sku">
          <p role="status">
            <strong>{localized(found.sku.name)}</strong> <code>{found.sku.sku}</code>
            {' · '}
            {found.price
              ? t('catalogAdmin.prices.currentPrice', {
                  price: formatPrice(found.price.unitPriceInclVat, locale),
                })
              : owner.isStore
                ? t('catalogAdmin.storePrices.noOwnPrice')
                : t('catalogAdmin.prices.noPrice')}
            {found.sku.priceInclVat && (
              <span className="muted">
                {' '}
                ·{' '}
                {t('catalogAdmin.prices.retailPrice', { price: formatPrice(found.sku.priceInclVat, locale) })}
              </span>
            )}
          </p>
          <PriceForm
            key={`${found.sku.id}-${found.price?.version ?? 0}`}
            owner={owner}
            skuId={found.sku.id}
            sku={found.sku.sku}
            current={found.price}
            initialAmount={found.sku.priceInclVat?.amount}
            onSaved={(saved) => {
              setFound({ ...found, price: saved });
              onChanged(
                t('catalogAdmin.prices.saved', {
                  sku: saved.sku,
                  price: formatPrice(saved.unitPriceInclVat, locale),
                }),
              );
            }}
            onReload={() => void find(found.sku.sku)}
          />
        </div>
      )}
    </section>
  );
}
