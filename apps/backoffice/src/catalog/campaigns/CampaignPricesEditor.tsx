import { formatPrice, useLocale, useLocalized, useT } from '@handla/ui';
import { type KeyboardEvent, useId, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { parsePriceInput } from '../shared/money';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import type { CampaignPriceDraft } from './NewCampaignForm';

/** The campaign's articles: found by article number or EAN, each with its campaign price. */
export function CampaignPricesEditor({
  prices,
  onChange,
}: {
  prices: CampaignPriceDraft[];
  onChange: (prices: CampaignPriceDraft[]) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const id = useId();
  const { locale } = useLocale();
  const localized = useLocalized();
  const [code, setCode] = useState('');
  const [price, setPrice] = useState('');
  const [problem, setProblem] = useState('');
  const find = useAction();

  // Part of the campaign form, so "add" is a button reading its own two inputs, not a nested form.
  async function add() {
    setProblem('');
    const amount = parsePriceInput(price, 'SEK');
    if (!code.trim()) return setProblem(t('catalogAdmin.campaigns.needCode'));
    if (amount === null) return setProblem(t('catalogAdmin.common.invalidPrice'));
    const sku = await find.run(() => catalog.lookupSku(code.trim()));
    if (!sku) return;
    if (prices.some((p) => p.skuId === sku.id))
      return setProblem(t('catalogAdmin.campaigns.already', { sku: sku.sku }));
    onChange([
      ...prices,
      { skuId: sku.id, sku: sku.sku, name: localized(sku.name), regular: sku.priceInclVat, amount },
    ]);
    setCode('');
    setPrice('');
    document.getElementById(`${id}-code`)?.focus();
  }

  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.campaigns.prices')}</h3>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('catalogAdmin.bundle.code')}</label>
          <input
            id={`${id}-code`}
            type="text"
            maxLength={64}
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={onEnter}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-price`}>{t('catalogAdmin.campaigns.campaignPriceInput')}</label>
          <input
            id={`${id}-price`}
            type="text"
            inputMode="decimal"
            className="input-amount"
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            onKeyDown={onEnter}
          />
        </div>
        <button type="button" className="button" disabled={find.pending} onClick={() => void add()}>
          {t('catalogAdmin.campaigns.addPrice')}
        </button>
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <CatalogError error={find.error} />
      <div className="table-wrap">
        <table>
          <caption>{t('catalogAdmin.campaigns.pricesCaption', { count: prices.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.variant.sku')}</th>
              <th scope="col">{t('catalogAdmin.product.name')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.campaigns.regularPrice')}
              </th>
              <th scope="col" className="number">
                {t('catalogAdmin.campaigns.campaignPrice')}
              </th>
              <th scope="col">{t('catalogAdmin.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {prices.map((p) => (
              <tr key={p.skuId}>
                <th scope="row">
                  <code>{p.sku}</code>
                </th>
                <td>{p.name}</td>
                <td className="number">{p.regular ? formatPrice(p.regular, locale) : '–'}</td>
                <td className="number">{formatPrice({ amount: p.amount, currency: 'SEK' }, locale)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-danger"
                    onClick={() => onChange(prices.filter((x) => x.skuId !== p.skuId))}
                  >
                    {t('catalogAdmin.common.remove')}
                    <span className="visually-hidden"> {p.sku}</span>
                  </button>
                </td>
              </tr>
            ))}
            {prices.length === 0 && (
              <tr>
                <td colSpan={5}>{t('catalogAdmin.campaigns.noPrices')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
