import type { CategoryTreeNode } from '@handla/api';
import { useLocalized, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { CategorySelect } from '../shared/CategorySelect';
import { Field } from '../shared/Field';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** A new category at the top or under a parent; the slug is made from the Swedish name. */
export function CreateCategoryForm({
  tree,
  onCreated,
}: {
  tree: readonly CategoryTreeNode[];
  onCreated: (message: string) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const localized = useLocalized();
  const [nameSv, setNameSv] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [parentId, setParentId] = useState('');
  const create = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const created = await create.run(() =>
      catalog.createCategory({
        name: { sv: nameSv.trim(), en: nameEn.trim() || nameSv.trim() },
        parentId: parentId || null,
      }),
    );
    if (!created) return;
    setNameSv('');
    setNameEn('');
    onCreated(t('catalogAdmin.categories.created', { name: localized(created.name) }));
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="category-create-heading">
      <h3 id="category-create-heading">{t('catalogAdmin.categories.create')}</h3>
      <Field label={t('catalogAdmin.categories.nameSv')}>
        {(f) => (
          <input
            id={f.id}
            type="text"
            required
            maxLength={100}
            value={nameSv}
            onChange={(e) => setNameSv(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('catalogAdmin.categories.nameEn')} hint={t('catalogAdmin.categories.nameEnHint')}>
        {(f) => (
          <input
            id={f.id}
            type="text"
            maxLength={100}
            aria-describedby={f.hintId}
            value={nameEn}
            onChange={(e) => setNameEn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('catalogAdmin.categories.parent')}>
        {(f) => (
          <CategorySelect
            id={f.id}
            tree={tree}
            value={parentId}
            onChange={setParentId}
            noneLabel={t('catalogAdmin.categories.topLevel')}
          />
        )}
      </Field>
      <CatalogError error={create.error} fieldLabels={{ slug: t('catalogAdmin.categories.slug') }} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={create.pending}>
          {create.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.categories.createSubmit')}
        </button>
      </div>
    </form>
  );
}
