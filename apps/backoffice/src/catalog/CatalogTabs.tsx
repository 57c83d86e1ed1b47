import { useT } from '@handla/ui';
import { CATALOG_TABS, type CatalogTab, catalogHref } from './paths';

/** The catalog area's own menu; the current section is marked for assistive technology too. */
export function CatalogTabs({ current }: { current: CatalogTab }) {
  const t = useT();
  return (
    <nav className="catalog-tabs" aria-label={t('catalogAdmin.tabs')}>
      <ul>
        {CATALOG_TABS.map(({ tab, label }) => (
          <li key={tab}>
            <a href={catalogHref(tab)} aria-current={tab === current ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
