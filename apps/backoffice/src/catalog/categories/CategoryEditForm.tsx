import type { CategoryTreeNode, UpdateCategoryBody } from '@handla/api';
import { useLocalized, useT } from '@handla/ui';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { CategorySelect } from '../shared/CategorySelect';
import { Field } from '../shared/Field';
import { subtreeIds } from '../shared/lookups';
import { useAction } from '../shared/useAction';
import { useCatalogApi } from '../shared/useCatalogApi';

/** Renames a category or moves it under another parent (never under itself or its own children). */
export function CategoryEditForm({
  node,
  tree,
  onDone,
}: {
  node: CategoryTreeNode;
  tree: readonly CategoryTreeNode[];
  /** Called with a message after a save, or with '' when cancelled. */
  onDone: (message: string) => void;
}) {
  const t = useT();
  const catalog = useCatalogApi();
  const localized = useLocalized();
  const [nameSv, setNameSv] = useState(node.name.sv);
  const [nameEn, setNameEn] = useState(node.name.en);
  const [parentId, setParentId] = useState(node.parentId ?? '');
  const excluded = useMemo(() => subtreeIds(node), [node]);
  const save = useAction();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body: UpdateCategoryBody = { version: node.version };
    if (nameSv.trim() !== node.name.sv || nameEn.trim() !== node.name.en)
      body.name = { sv: nameSv.trim(), en: nameEn.trim() || nameSv.trim() };
    if ((parentId || null) !== node.parentId) body.parentId = parentId || null;
    if (Object.keys(body).length === 1) return onDone('');
    const saved = await save.run(() => catalog.updateCategory(node.id, body));
    if (saved) onDone(t('catalogAdmin.categories.saved', { name: localized(saved.name) }));
  }

  return (
    <form
      className="card stack category-edit"
      onSubmit={submit}
      aria-label={t('catalogAdmin.categories.editing', { name: localized(node.name) })}
    >
      <div className="form-grid">
        <Field label={t('catalogAdmin.categories.nameSv')}>
          {(f) => (
            <input
              ref={first}
              id={f.id}
              type="text"
              required
              maxLength={100}
              value={nameSv}
              onChange={(e) => setNameSv(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.categories.nameEn')}>
          {(f) => (
            <input
              id={f.id}
              type="text"
              maxLength={100}
              value={nameEn}
              onChange={(e) => setNameEn(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('catalogAdmin.categories.parent')} className="span-2">
          {(f) => (
            <CategorySelect
              id={f.id}
              tree={tree}
              value={parentId}
              onChange={setParentId}
              excluded={excluded}
              noneLabel={t('catalogAdmin.categories.topLevel')}
            />
          )}
        </Field>
      </div>
      <CatalogError
        error={save.error}
        onReload={() => onDone(t('catalogAdmin.categories.reloaded'))}
        conflictMessage={t('catalogAdmin.categories.conflict')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.pending}>
          {save.pending ? t('catalogAdmin.common.saving') : t('catalogAdmin.common.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone('')}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
