import type { CatalogProduct, CatalogSku } from '@handla/api';
import { useLocale, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { Field } from '../shared/Field';
import { parsePriceInput, priceInputText } from '../shared/money';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** One more variant: a value per option (a new value joins the option), article number, price. */
export function AddVariantForm({
  product,
  onAdded,
}: {
  product: CatalogProduct;
  onAdded: (sku: CatalogSku) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const { locale } = useLocale();
  const id = useId();
  const basePrice = product.skus.find((s) => s.priceInclVat)?.priceInclVat;
  const currency = basePrice?.currency ?? 'SEK';
  const emptyOptions = () => Object.fromEntries(product.options.map((o) => [o.name.sv, '']));
  const [isOpen, setOpen] = useState(false);
  const [options, setOptions] = useState<Record<string, string>>(emptyOptions);
  const [article, setArticle] = useState('');
  const [ean, setEan] = useState('');
  const [price, setPrice] = useState(basePrice ? priceInputText(basePrice.amount, currency) : '');
  const [weight, setWeight] = useState('');
  const [isPriceInvalid, setPriceInvalid] = useState(false);
  const add = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const amount = parsePriceInput(price, currency);
    setPriceInvalid(amount === null);
    if (amount === null) return;
    const sku = await add.run(() =>
      catalog.addSku(product.id, {
        sku: article.trim(),
        ean: ean.trim() || undefined,
        options: Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.trim()])),
        priceInclVat: { amount, currency },
        weightGrams: weight.trim() === '' ? undefined : Number(weight),
        status: 'active',
      }),
    );
    if (!sku) return;
    setOptions(emptyOptions());
    setArticle('');
    setEan('');
    onAdded(sku);
  }

  if (!isOpen) {
    return (
      <div>
        <button type="button" className="button" onClick={() => setOpen(true)}>
          {t('catalogAdmin.variant.add')}
        </button>
      </div>
    );
  }
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('catalogAdmin.variant.addHeading')}</h4>
      <div className="form-grid">
        {product.options.map((option) => (
          <Field
            key={option.name.sv}
            label={option.name[locale] || option.name.sv}
            hint={t('catalogAdmin.variant.optionHint')}
          >
            {({ id: inputId, hintId }) => (
              <>
                <input
                  id={inputId}
                  type="text"
                  required
                  maxLength={50}
                  list={`${inputId}-values`}
                  aria-describedby={hintId}
                  value={options[option.name.sv] ?? ''}
                  onChange={(e) => setOptions((o) => ({ ...o, [option.name.sv]: e.target.value }))}
                />
                <datalist id={`${inputId}-values`}>
                  {option.values.map((v) => (
                    <option key={v} value={v} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        ))}
        <Field label={t('catalogAdmin.variant.sku')}>
          {({ id: inputId }) => (
            <input
              id={inputId}
              type="text"
              required
              maxLength={64}
              autoComplete="off"
              value={article}
              onChange={(e) => setArticle(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.variant.eanOptional')}>
          {({ id: inputId }) => (
            <input
              id={inputId}
              type="text"
              inputMode="numeric"
              maxLength={14}
              autoComplete="off"
              value={ean}
              onChange={(e) => setEan(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.variant.priceInput', { currency })}>
          {({ id: inputId }) => (
            <input
              id={inputId}
              type="text"
              inputMode="decimal"
              required
              aria-invalid={isPriceInvalid}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.variant.weightOptional')}>
          {({ id: inputId }) => (
            <input
              id={inputId}
              type="number"
              min={0}
              step={1}
              value={weight}
              onChange={(e) => setWeight(e.target.value)}
            />
          )}
        </Field>
      </div>
      {isPriceInvalid && (
        <p className="notice notice-error" role="alert">
          {t('catalogAdmin.common.invalidPrice')}
        </p>
      )}
      <CatalogError
        error={add.error}
        fieldLabels={{
          sku: t('catalogAdmin.variant.sku'),
          ean: t('catalogAdmin.variant.ean'),
          options: t('catalogAdmin.variant.options'),
        }}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={add.pending}>
          {add.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.variant.addSubmit')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
