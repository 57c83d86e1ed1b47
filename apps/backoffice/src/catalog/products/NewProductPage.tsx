import { useLocalized, useT } from '@handla/ui';
import { type FormEvent, useId, useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { catalogHref, goTo } from '../paths';
import { CatalogError } from '../shared/CatalogError';
import { CategorySelect } from '../shared/CategorySelect';
import { Field } from '../shared/Field';
import { useCategoryTree, useTaxClasses } from '../shared/lookups';
import { parsePriceInput } from '../shared/money';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';
import { OptionTemplatesEditor } from './OptionTemplatesEditor';
import { type OptionDraft, optionInputs, previewVariants, suggestArticleNumber } from './optionDrafts';
import { VariantPreview } from './VariantPreview';

const CURRENCY = 'SEK';

/** A new product: names, classification, base price and options; its variants are previewed live. */
export function NewProductPage() {
  const t = useT();
  const catalog = useCatalogApi();
  const localized = useLocalized();
  const id = useId();
  const categories = useCategoryTree();
  const taxClasses = useTaxClasses();
  const [nameSv, setNameSv] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [article, setArticle] = useState<string | null>(null);
  const [categoryId, setCategoryId] = useState('');
  const [taxClass, setTaxClass] = useState('standard');
  const [price, setPrice] = useState('');
  const [isBundle, setBundle] = useState(false);
  const [options, setOptions] = useState<OptionDraft[]>([]);
  const [isPriceInvalid, setPriceInvalid] = useState(false);
  const create = useAction();
  // Until the user types an article number of their own, one is suggested from the name.
  const articleNumber = article ?? suggestArticleNumber(nameSv);
  const usedOptions = isBundle ? [] : options;
  const preview = previewVariants(articleNumber || 'ART', usedOptions);
  const amount = parsePriceInput(price, CURRENCY);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPriceInvalid(amount === null);
    if (amount === null || !preview.ok) return;
    const created = await create.run(() =>
      catalog.createProduct({
        articleNumber: articleNumber.trim(),
        name: { sv: nameSv.trim(), en: nameEn.trim() || nameSv.trim() },
        categoryId: categoryId || null,
        taxClass,
        status: 'active',
        options: optionInputs(usedOptions),
        priceInclVat: { amount, currency: CURRENCY },
        isBundle,
      }),
    );
    if (created) goTo('products', created.id);
  }

  return (
    <>
      <p>
        <a href={catalogHref('products')}>← {t('catalogAdmin.products.back')}</a>
      </p>
      <PageHeading title={t('catalogAdmin.newProduct.heading')} />
      <form className="stack" onSubmit={submit} aria-labelledby={`${id}-basics`}>
        <section className="card stack">
          <h3 id={`${id}-basics`}>{t('catalogAdmin.newProduct.basics')}</h3>
          <div className="form-grid">
            <Field label={t('catalogAdmin.product.nameSv')}>
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  required
                  maxLength={200}
                  value={nameSv}
                  onChange={(e) => setNameSv(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('catalogAdmin.product.nameEn')} hint={t('catalogAdmin.newProduct.nameEnHint')}>
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  maxLength={200}
                  aria-describedby={f.hintId}
                  value={nameEn}
                  onChange={(e) => setNameEn(e.target.value)}
                />
              )}
            </Field>
            <Field
              label={t('catalogAdmin.newProduct.article')}
              hint={t('catalogAdmin.newProduct.articleHint')}
            >
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  required
                  maxLength={64}
                  autoComplete="off"
                  aria-describedby={f.hintId}
                  value={articleNumber}
                  onChange={(e) => setArticle(e.target.value.toUpperCase())}
                />
              )}
            </Field>
            <Field
              label={t('catalogAdmin.newProduct.price', { currency: CURRENCY })}
              hint={t('catalogAdmin.newProduct.priceHint')}
            >
              {(f) => (
                <input
                  id={f.id}
                  type="text"
                  inputMode="decimal"
                  required
                  aria-invalid={isPriceInvalid}
                  aria-describedby={f.hintId}
                  value={price}
                  onChange={(e) => setPrice(e.target.value)}
                />
              )}
            </Field>
            <Field label={t('catalogAdmin.product.category')}>
              {(f) => (
                <CategorySelect
                  id={f.id}
                  tree={categories.data?.items ?? []}
                  value={categoryId}
                  onChange={setCategoryId}
                  noneLabel={t('catalogAdmin.product.noCategory')}
                />
              )}
            </Field>
            <Field label={t('catalogAdmin.product.taxClass')}>
              {(f) => (
                <select id={f.id} value={taxClass} onChange={(e) => setTaxClass(e.target.value)}>
                  {!taxClasses.data && <option value="standard">standard</option>}
                  {taxClasses.data?.items.map((c) => (
                    <option key={c.code} value={c.code}>
                      {localized(c.name)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={isBundle} onChange={(e) => setBundle(e.target.checked)} />
            <span>{t('catalogAdmin.newProduct.isBundle')}</span>
          </label>
        </section>
        {!isBundle && <OptionTemplatesEditor options={options} onChange={setOptions} />}
        <VariantPreview preview={preview} price={amount === null ? null : { amount, currency: CURRENCY }} />
        {isPriceInvalid && (
          <p className="notice notice-error" role="alert">
            {t('catalogAdmin.common.invalidPrice')}
          </p>
        )}
        <CatalogError
          error={create.error}
          fieldLabels={{
            articleNumber: t('catalogAdmin.newProduct.article'),
            'name.sv': t('catalogAdmin.product.nameSv'),
            'name.en': t('catalogAdmin.product.nameEn'),
            slug: t('catalogAdmin.product.slug'),
          }}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={create.pending || !preview.ok}>
            {create.pending ? t('catalogAdmin.newProduct.creating') : t('catalogAdmin.newProduct.create')}
          </button>
          <a className="button" href={catalogHref('products')}>
            {t('common.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
