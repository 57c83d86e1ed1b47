import { useLoader, useT } from '@handla/ui';
import { useCallback, useId, useState } from 'react';
import { usePriceLists } from '../shared/lookups';
import { useCatalogApi } from '../shared/useCatalogApi';

/** Download links for the exports, in the same formats the import reads. */
export function ExportLinks() {
  const t = useT();
  const catalog = useCatalogApi();
  const id = useId();
  const lists = usePriceLists();
  const locations = useLoader(useCallback(() => catalog.listStockLocations(), [catalog]));
  const [priceList, setPriceList] = useState('RETAIL');
  const [location, setLocation] = useState('');
  const urls = catalog.exportUrls;
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('catalogAdmin.export.heading')}</h3>
      <div className="export-grid">
        <div className="stack">
          <h4>{t('catalogAdmin.import.kind.products')}</h4>
          <p className="muted">{t('catalogAdmin.export.productsExplain')}</p>
          <a className="button" href={urls.products()} download>
            {t('catalogAdmin.export.products')}
          </a>
        </div>
        <div className="stack">
          <h4>{t('catalogAdmin.import.kind.prices')}</h4>
          <div className="field">
            <label htmlFor={`${id}-list`}>{t('catalogAdmin.export.priceList')}</label>
            <select id={`${id}-list`} value={priceList} onChange={(e) => setPriceList(e.target.value)}>
              {!lists.data && <option value="RETAIL">RETAIL</option>}
              {lists.data?.items.map((l) => (
                <option key={l.id} value={l.code}>
                  {l.name} ({l.code})
                </option>
              ))}
            </select>
          </div>
          <a className="button" href={urls.prices(priceList)} download>
            {t('catalogAdmin.export.prices', { code: priceList })}
          </a>
        </div>
        <div className="stack">
          <h4>{t('catalogAdmin.import.kind.stock')}</h4>
          <div className="field">
            <label htmlFor={`${id}-location`}>{t('catalogAdmin.export.location')}</label>
            <select id={`${id}-location`} value={location} onChange={(e) => setLocation(e.target.value)}>
              <option value="">{t('catalogAdmin.export.allLocations')}</option>
              {locations.data?.items.map((l) => (
                <option key={l.id} value={l.code}>
                  {l.name} ({l.code})
                </option>
              ))}
            </select>
          </div>
          <a className="button" href={urls.stock(location || undefined)} download>
            {t('catalogAdmin.export.stock')}
          </a>
        </div>
      </div>
    </section>
  );
}
