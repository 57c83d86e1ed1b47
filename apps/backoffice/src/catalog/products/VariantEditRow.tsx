import type { CatalogProduct, CatalogSku, CatalogStatus, UpdateSkuBody } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { parsePriceInput, priceInputText } from '../shared/money';
import { setRetailPrice } from '../shared/prices';
import { STATUSES, statusKey } from '../shared/StatusBadge';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import { optionsText } from './optionsText';

/** One variant as inputs: article number, EAN, retail price, weight and status; saved together. */
export function VariantEditRow({
  sku,
  product,
  onUpdated,
  onSaved,
  onCancel,
  onReload,
}: {
  sku: CatalogSku;
  product: CatalogProduct;
  /** The SKU was saved but the edit goes on (its price is still to be set). */
  onUpdated: (sku: CatalogSku) => void;
  onSaved: (sku: CatalogSku) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const { locale } = useLocale();
  const id = useId();
  const formId = `${id}-form`;
  const currency = sku.priceInclVat?.currency ?? 'SEK';
  const [article, setArticle] = useState(sku.sku);
  const [ean, setEan] = useState(sku.ean ?? '');
  const [price, setPrice] = useState(
    sku.priceInclVat ? priceInputText(sku.priceInclVat.amount, currency) : '',
  );
  const [weight, setWeight] = useState(sku.weightGrams === null ? '' : String(sku.weightGrams));
  const [status, setStatus] = useState<CatalogStatus>(sku.status);
  const [isPriceInvalid, setPriceInvalid] = useState(false);
  const save = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amount = parsePriceInput(price, currency);
    setPriceInvalid(amount === null);
    if (amount === null) return;
    const body: UpdateSkuBody = { version: sku.version };
    if (article.trim().toUpperCase() !== sku.sku) body.sku = article.trim();
    if (ean.trim() !== (sku.ean ?? '')) body.ean = ean.trim() || null;
    const grams = weight.trim() === '' ? null : Number(weight);
    if (grams !== sku.weightGrams) body.weightGrams = grams;
    if (status !== sku.status) body.status = status;
    const saved = await save.run(async () => {
      let next = sku;
      if (Object.keys(body).length > 1) {
        next = await catalog.updateSku(sku.id, body);
        // Kept at once: if the price fails now, a retry must be based on this new version.
        onUpdated(next);
      }
      if (amount !== sku.priceInclVat?.amount) {
        const written = await setRetailPrice(catalog, sku.id, amount);
        next = { ...next, priceInclVat: written.unitPriceInclVat };
      }
      return next;
    });
    if (saved) onSaved(saved);
  }

  const label = (text: string, input: string) => (
    <label className="visually-hidden" htmlFor={`${id}-${input}`}>
      {text} {sku.sku}
    </label>
  );
  return (
    <>
      <tr className="is-editing">
        <th scope="row">
          {label(t('catalogAdmin.variant.sku'), 'sku')}
          <input
            ref={first}
            id={`${id}-sku`}
            form={formId}
            type="text"
            required
            maxLength={64}
            value={article}
            onChange={(e) => setArticle(e.target.value)}
          />
        </th>
        <td>
          {label(t('catalogAdmin.variant.ean'), 'ean')}
          <input
            id={`${id}-ean`}
            form={formId}
            type="text"
            inputMode="numeric"
            maxLength={14}
            value={ean}
            onChange={(e) => setEan(e.target.value)}
          />
        </td>
        <td>{optionsText(sku.options, product.options, locale) || '–'}</td>
        <td className="number">
          {label(t('catalogAdmin.variant.price'), 'price')}
          <input
            id={`${id}-price`}
            form={formId}
            type="text"
            inputMode="decimal"
            required
            className="input-amount"
            aria-invalid={isPriceInvalid}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        </td>
        <td className="number">
          {label(t('catalogAdmin.variant.weight'), 'weight')}
          <input
            id={`${id}-weight`}
            form={formId}
            type="number"
            min={0}
            max={1_000_000}
            step={1}
            className="input-amount"
            value={weight}
            onChange={(e) => setWeight(e.target.value)}
          />
        </td>
        <td>
          {label(t('catalogAdmin.variant.status'), 'status')}
          <select
            id={`${id}-status`}
            form={formId}
            value={status}
            onChange={(e) => setStatus(e.target.value as CatalogStatus)}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusKey(s))}
              </option>
            ))}
          </select>
        </td>
        <td>
          <form id={formId} className="button-row" onSubmit={submit}>
            <button type="submit" className="button button-primary" disabled={save.pending}>
              {save.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.common.save')}
            </button>
            <button type="button" className="button" disabled={save.pending} onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </form>
        </td>
      </tr>
      {(save.error !== null || isPriceInvalid) && (
        <tr>
          <td colSpan={7}>
            {isPriceInvalid ? (
              <p className="notice notice-error" role="alert">
                {t('catalogAdmin.common.invalidPrice')}
              </p>
            ) : (
              <CatalogError
                error={save.error}
                onReload={onReload}
                conflictMessage={t('catalogAdmin.variant.conflict')}
                fieldLabels={{ sku: t('catalogAdmin.variant.sku'), ean: t('catalogAdmin.variant.ean') }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
