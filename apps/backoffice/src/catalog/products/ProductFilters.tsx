import type { CatalogStatus, CategoryTreeNode } from '@handla/api';
import { SearchField, useT } from '@handla/ui';
import { useId } from 'react';
import { CategorySelect } from '../shared/CategorySelect';
import { STATUSES, statusKey } from '../shared/StatusBadge';

/** What the product list shows: a text search, a status and a category ('' for all). */
export interface ProductFilters {
  q: string;
  status: CatalogStatus | '';
  categoryId: string;
}

export const EMPTY_FILTERS: ProductFilters = { q: '', status: '', categoryId: '' };

/** The search field and the status and category filters above the product list. */
export function ProductFilterBar({
  filters,
  onChange,
  categories,
}: {
  filters: ProductFilters;
  onChange: (filters: ProductFilters) => void;
  categories: readonly CategoryTreeNode[];
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="filter-bar">
      <SearchField
        label={t('product.search')}
        hint={t('product.searchHint')}
        value={filters.q}
        onChange={(q) => onChange({ ...filters, q })}
      />
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('catalogAdmin.product.status')}</label>
        <select
          id={`${id}-status`}
          value={filters.status}
          onChange={(e) => onChange({ ...filters, status: e.target.value as CatalogStatus | '' })}
        >
          <option value="">{t('catalogAdmin.filter.allStatuses')}</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(statusKey(status))}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('catalogAdmin.product.category')}</label>
        <CategorySelect
          id={`${id}-category`}
          tree={categories}
          value={filters.categoryId}
          onChange={(categoryId) => onChange({ ...filters, categoryId })}
          noneLabel={t('catalogAdmin.filter.allCategories')}
        />
      </div>
    </div>
  );
}
