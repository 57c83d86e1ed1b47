import { useT } from '@handla/ui';
import { useState } from 'react';
import { CatalogError } from '../shared/CatalogError';
import { Pager } from '../shared/Pager';
import { useCursorPages } from '../shared/useCursorPages';
import type { PriceOwner } from './owners';
import { PriceRow } from './PriceRow';
import { SkuPriceSearch } from './SkuPriceSearch';

/** An owner's prices: search one article and set its price, or page through all of them. */
export function PriceBook({ owner, caption }: { owner: PriceOwner; caption: string }) {
  const t = useT();
  const pages = useCursorPages(owner.list);
  const { page } = pages;
  const [notice, setNotice] = useState('');
  const onChanged = (message: string) => {
    setNotice(message);
    page.reload();
  };
  return (
    <>
      <SkuPriceSearch owner={owner} onChanged={onChanged} />
      <p role="status" className={notice ? 'notice notice-ok' : 'visually-hidden'}>
        {notice}
      </p>
      <CatalogError error={page.error} onRetry={page.reload} />
      <div className="table-wrap">
        <table className="middle-table" aria-busy={page.loading}>
          <caption>
            {caption} <span className="muted">· {t('paging.page', { page: pages.pageNumber })}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogAdmin.variant.sku')}</th>
              <th scope="col" className="number">
                {t('catalogAdmin.prices.price')}
              </th>
              <th scope="col">{t('catalogAdmin.prices.updated')}</th>
              <th scope="col">{t('catalogAdmin.common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data?.items.map((price) => (
              <PriceRow
                key={`${price.skuId}-${price.version}`}
                price={price}
                owner={owner}
                onChanged={onChanged}
              />
            ))}
            {page.data?.items.length === 0 && (
              <tr>
                <td colSpan={4}>
                  {owner.isStore ? t('catalogAdmin.storePrices.none') : t('catalogAdmin.prices.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <Pager pages={pages} label={t('catalogAdmin.prices.paging')} />
    </>
  );
}
