import type { CatalogProduct, UpdateProductBody } from '@handla/api';
import { useLocalized, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { CategorySelect } from '../shared/CategorySelect';
import { Field } from '../shared/Field';
import { useCategoryTree, useTaxClasses } from '../shared/lookups';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

interface Draft {
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  brand: string;
  categoryId: string;
  taxClass: string;
  warrantyText: string;
}

function draftOf(p: CatalogProduct): Draft {
  return {
    nameSv: p.name.sv,
    nameEn: p.name.en,
    descriptionSv: p.description.sv,
    descriptionEn: p.description.en,
    brand: p.brand ?? '',
    categoryId: p.category?.id ?? '',
    taxClass: p.taxClass,
    warrantyText: p.warrantyText ?? '',
  };
}

// Only what the user changed goes to the server, based on the version they read.
function changesOf(p: CatalogProduct, d: Draft): UpdateProductBody {
  const before = draftOf(p);
  const body: UpdateProductBody = { version: p.version };
  if (d.nameSv !== before.nameSv || d.nameEn !== before.nameEn)
    body.name = { sv: d.nameSv, en: d.nameEn.trim() || d.nameSv };
  if (d.descriptionSv !== before.descriptionSv || d.descriptionEn !== before.descriptionEn)
    body.description = { sv: d.descriptionSv, en: d.descriptionEn };
  if (d.brand !== before.brand) body.brand = d.brand.trim() || null;
  if (d.categoryId !== before.categoryId) body.categoryId = d.categoryId || null;
  if (d.taxClass !== before.taxClass) body.taxClass = d.taxClass;
  if (d.warrantyText !== before.warrantyText) body.warrantyText = d.warrantyText.trim() || null;
  return body;
}

/** Names and descriptions in both languages, brand, category, tax class and warranty text. */
export function ProductDetailsForm({
  product,
  onSaved,
  onReload,
}: {
  product: CatalogProduct;
  onSaved: (product: CatalogProduct) => void;
  onReload: () => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const localized = useLocalized();
  const categories = useCategoryTree();
  const taxClasses = useTaxClasses();
  const [draft, setDraft] = useState(() => draftOf(product));
  const [isUnchanged, setUnchanged] = useState(false);
  const save = useAction();
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setUnchanged(false);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = changesOf(product, draft);
    if (Object.keys(body).length === 1) {
      setUnchanged(true);
      return;
    }
    const saved = await save.run(() => catalog.updateProduct(product.id, body));
    if (saved) onSaved(saved);
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby={`details-${product.id}`}>
      <h3 id={`details-${product.id}`}>{t('catalogAdmin.product.details')}</h3>
      <div className="form-grid">
        <Field label={t('catalogAdmin.product.nameSv')}>
          {({ id }) => (
            <input
              id={id}
              type="text"
              required
              maxLength={200}
              value={draft.nameSv}
              onChange={(e) => set({ nameSv: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.product.nameEn')}>
          {({ id }) => (
            <input
              id={id}
              type="text"
              required
              maxLength={200}
              value={draft.nameEn}
              onChange={(e) => set({ nameEn: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.product.descriptionSv')}>
          {({ id }) => (
            <textarea
              id={id}
              rows={4}
              maxLength={5000}
              value={draft.descriptionSv}
              onChange={(e) => set({ descriptionSv: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.product.descriptionEn')}>
          {({ id }) => (
            <textarea
              id={id}
              rows={4}
              maxLength={5000}
              value={draft.descriptionEn}
              onChange={(e) => set({ descriptionEn: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.product.brand')}>
          {({ id }) => (
            <input
              id={id}
              type="text"
              maxLength={100}
              value={draft.brand}
              onChange={(e) => set({ brand: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.product.category')}>
          {({ id }) => (
            <CategorySelect
              id={id}
              tree={categories.data?.items ?? []}
              value={draft.categoryId}
              onChange={(categoryId) => set({ categoryId })}
              noneLabel={t('catalogAdmin.product.noCategory')}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.product.taxClass')}>
          {({ id }) => (
            <select id={id} value={draft.taxClass} onChange={(e) => set({ taxClass: e.target.value })}>
              {!taxClasses.data && <option value={draft.taxClass}>{draft.taxClass}</option>}
              {taxClasses.data?.items.map((c) => (
                <option key={c.code} value={c.code}>
                  {localized(c.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('catalogAdmin.product.warranty')} hint={t('catalogAdmin.product.warrantyHint')}>
          {({ id, hintId }) => (
            <textarea
              id={id}
              rows={2}
              maxLength={500}
              aria-describedby={hintId}
              value={draft.warrantyText}
              onChange={(e) => set({ warrantyText: e.target.value })}
            />
          )}
        </Field>
      </div>
      <CatalogError
        error={save.error}
        onReload={onReload}
        conflictMessage={t('catalogAdmin.product.conflict')}
        fieldLabels={{
          'name.sv': t('catalogAdmin.product.nameSv'),
          'name.en': t('catalogAdmin.product.nameEn'),
          brand: t('catalogAdmin.product.brand'),
          categoryId: t('catalogAdmin.product.category'),
          taxClass: t('catalogAdmin.product.taxClass'),
          warrantyText: t('catalogAdmin.product.warranty'),
        }}
      />
      <p role="status" className={isUnchanged ? 'muted' : 'visually-hidden'}>
        {isUnchanged ? t('catalogAdmin.common.noChanges') : ''}
      </p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.pending}>
          {save.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.product.save')}
        </button>
      </div>
    </form>
  );
}
