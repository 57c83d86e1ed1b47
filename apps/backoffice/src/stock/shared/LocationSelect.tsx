import type { StockLocation } from '@handla/api';
import { useT } from '@handla/ui';
import { useId } from 'react';
import { useStockData } from './StockData';

/** "Butikslager Göteborg (GBG-BUTIK)". */
export function locationLabel(location: StockLocation): string {
  return `${location.name} (${location.code})`;
}

/** A labelled choice of location; with `anyLabel`, an empty choice meaning "any". */
export function LocationSelect({
  label,
  value,
  onChange,
  anyLabel,
  exclude,
  only,
  required,
}: {
  label: string;
  value: string;
  onChange: (locationId: string) => void;
  anyLabel?: string;
  /** A location not to offer, e.g. the source when choosing a transfer's target. */
  exclude?: string;
  /** Which locations to offer; all when left out. */
  only?: (location: StockLocation) => boolean;
  required?: boolean;
}) {
  const t = useT();
  const id = useId();
  const { locations } = useStockData();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {anyLabel === undefined && value === '' && <option value="">{t('stockAdmin.choose')}</option>}
        {locations
          .filter((l) => l.id !== exclude && (!only || only(l)))
          .map((l) => (
            <option key={l.id} value={l.id}>
              {locationLabel(l)}
            </option>
          ))}
      </select>
    </div>
  );
}
