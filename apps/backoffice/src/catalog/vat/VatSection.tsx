import { useLoader, useLocalized, useSession, useT } from '@handla/ui';
import { useCallback, useId, useMemo, useState } from 'react';
import { PageHeading } from '../../pages/PageHeading';
import { CatalogError } from '../shared/CatalogError';
import { useTaxClasses } from '../shared/lookups';
import { useCatalogApi } from '../shared/useCatalogApi';
import { AddVatRateForm } from './AddVatRateForm';
import { PriceResolver } from './PriceResolver';
import { VatRateTable } from './VatRateTable';

/** VAT rates per country × tax class with their periods, a new period, and the price resolver. */
export function VatSection() {
  const t = useT();
  const catalog = useCatalogApi();
  const id = useId();
  const localized = useLocalized();
  const taxClasses = useTaxClasses();
  // Rates are the owners' to change (the server refuses anyone else); others just read them.
  const isOwner = useSession().user?.role === 'owner';
  const [country, setCountry] = useState('SE');
  const [taxClass, setTaxClass] = useState('');
  const all = useLoader(useCallback(() => catalog.listVatRates(), [catalog]));
  const countries = useMemo(() => [...new Set(all.data?.items.map((r) => r.country))].sort(), [all.data]);
  const shown = useMemo(
    () =>
      all.data?.items.filter(
        (r) => (!country || r.country === country) && (!taxClass || r.taxClass === taxClass),
      ) ?? [],
    [all.data, country, taxClass],
  );
  const classNames = useMemo(
    () => new Map(taxClasses.data?.items.map((c) => [c.code, localized(c.name)])),
    [taxClasses.data, localized],
  );
  return (
    <>
      <PageHeading title={t('catalogAdmin.vat.heading')} />
      <div className="filter-bar">
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('catalogAdmin.vat.country')}</label>
          <select id={`${id}-country`} value={country} onChange={(e) => setCountry(e.target.value)}>
            <option value="">{t('catalogAdmin.vat.allCountries')}</option>
            {countries.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-class`}>{t('catalogAdmin.vat.taxClass')}</label>
          <select id={`${id}-class`} value={taxClass} onChange={(e) => setTaxClass(e.target.value)}>
            <option value="">{t('catalogAdmin.vat.allClasses')}</option>
            {taxClasses.data?.items.map((c) => (
              <option key={c.code} value={c.code}>
                {localized(c.name)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <CatalogError error={all.error} onRetry={all.reload} />
      <VatRateTable rates={shown} classNames={classNames} loading={all.loading} />
      <div className="two-columns">
        {isOwner ? (
          <AddVatRateForm
            countries={countries}
            taxClasses={taxClasses.data?.items ?? []}
            onAdded={all.reload}
          />
        ) : (
          <section className="card stack" aria-labelledby={`${id}-owners`}>
            <h3 id={`${id}-owners`}>{t('catalogAdmin.vat.addHeading')}</h3>
            <p>{t('catalogAdmin.vat.ownersOnly')}</p>
          </section>
        )}
        <PriceResolver />
      </div>
    </>
  );
}
