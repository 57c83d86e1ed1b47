import type { VatRate } from '@handla/api';
import { formatVatRate } from '@handla/core';
import { intlLocale, useLocale, useT } from '@handla/ui';
import { todayIso } from '../shared/dates';

/** VAT rate periods; the one in force today is marked. */
export function VatRateTable({
  rates,
  classNames,
  loading,
}: {
  rates: readonly VatRate[];
  classNames: ReadonlyMap<string, string>;
  loading: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const today = todayIso();
  return (
    <div className="table-wrap">
      <table aria-busy={loading}>
        <caption>{t('catalogAdmin.vat.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('catalogAdmin.vat.country')}</th>
            <th scope="col">{t('catalogAdmin.vat.taxClass')}</th>
            <th scope="col" className="number">
              {t('catalogAdmin.vat.rate')}
            </th>
            <th scope="col">{t('catalogAdmin.vat.validFrom')}</th>
            <th scope="col">{t('catalogAdmin.vat.validTo')}</th>
            <th scope="col">{t('catalogAdmin.vat.inForce')}</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => {
            const isCurrent = r.validFrom <= today && (r.validTo === null || r.validTo >= today);
            return (
              <tr key={`${r.country}-${r.taxClass}-${r.validFrom}`}>
                <th scope="row">{r.country}</th>
                <td>{classNames.get(r.taxClass) ?? r.taxClass}</td>
                <td className="number">{formatVatRate(r.rateBp, intlLocale(locale))}</td>
                <td>{r.validFrom}</td>
                <td>{r.validTo ?? t('catalogAdmin.vat.openEnded')}</td>
                <td>{isCurrent ? t('catalogAdmin.vat.current') : ''}</td>
              </tr>
            );
          })}
          {rates.length === 0 && !loading && (
            <tr>
              <td colSpan={6}>{t('catalogAdmin.vat.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
