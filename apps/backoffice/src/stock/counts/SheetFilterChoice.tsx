import { type MessageKey, useT } from '@handla/ui';
import { useId } from 'react';
import type { SheetFilter } from './countLines';

const FILTERS: { filter: SheetFilter; label: MessageKey }[] = [
  { filter: 'all', label: 'stockAdmin.counts.showAll' },
  { filter: 'uncounted', label: 'stockAdmin.counts.showUncounted' },
  { filter: 'differences', label: 'stockAdmin.counts.showDifferences' },
];

/** Which lines of the sheet to show. */
export function SheetFilterChoice({
  value,
  onChange,
}: {
  value: SheetFilter;
  onChange: (f: SheetFilter) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <fieldset className="stock-inline-choice">
      <legend>{t('stockAdmin.counts.show')}</legend>
      {FILTERS.map(({ filter, label }) => (
        <label key={filter} className="checkbox">
          <input type="radio" name={id} checked={value === filter} onChange={() => onChange(filter)} />
          <span>{t(label)}</span>
        </label>
      ))}
    </fieldset>
  );
}
