import { useT } from '@handla/ui';
import { STOCK_TABS, type StockTab, stockHref } from './paths';

/** The stock area's own menu; the current section is marked for assistive technology too. */
export function StockTabs({ current }: { current: StockTab }) {
  const t = useT();
  return (
    <nav className="stock-tabs" aria-label={t('stockAdmin.tabs')}>
      <ul>
        {STOCK_TABS.map(({ tab, label }) => (
          <li key={tab}>
            <a href={stockHref(tab)} aria-current={tab === current ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
