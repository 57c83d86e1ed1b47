import { useT } from '@handla/ui';
import { useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { CatalogError } from '../shared/CatalogError';
import { useCategoryTree } from '../shared/lookups';
import { CategoryTreeList } from './CategoryTreeList';
import { CreateCategoryForm } from './CreateCategoryForm';

/** Categories: the tree as nested lists, each renamed or moved in place; a form for a new one. */
export function CategoriesSection() {
  const t = useT();
  const tree = useCategoryTree();
  const [notice, setNotice] = useState('');
  const onChanged = (message: string) => {
    setNotice(message);
    tree.reload();
  };
  const items = tree.data?.items ?? [];
  return (
    <>
      <PageHeading title={t('catalogAdmin.categories.heading')} />
      <CatalogError error={tree.error} onRetry={tree.reload} />
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <div className="category-layout">
        <section className="card stack" aria-labelledby="category-tree-heading">
          <h3 id="category-tree-heading">{t('catalogAdmin.categories.tree')}</h3>
          {tree.loading && !tree.data && <p>{t('common.loading')}</p>}
          {tree.data && items.length === 0 && <p>{t('catalogAdmin.categories.none')}</p>}
          <CategoryTreeList nodes={items} tree={items} onChanged={onChanged} />
        </section>
        <CreateCategoryForm tree={items} onCreated={onChanged} />
      </div>
    </>
  );
}
