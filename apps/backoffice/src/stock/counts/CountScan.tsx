import type { SkuSummary } from '@handla/api';
import { useT } from '@handla/ui';
import { type Ref, useId } from 'react';
import { SkuPicker } from '../shared/SkuPicker';

/**
 * The scanner's field: a scanned or typed article number or EAN and Enter jumps to that line (or
 * adds it); in "one per scan" mode each scan counts one more unit instead, and focus stays here.
 */
export function CountScan({
  inputRef,
  isOnePerScan,
  onOnePerScanChange,
  onScan,
}: {
  inputRef: Ref<HTMLInputElement>;
  isOnePerScan: boolean;
  onOnePerScanChange: (value: boolean) => void;
  onScan: (sku: SkuSummary) => void;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="stock-scan stack">
      <SkuPicker
        label={t('stockAdmin.counts.scan')}
        hint={t('stockAdmin.counts.scanHint')}
        inputRef={inputRef}
        onPick={onScan}
      />
      <label className="checkbox" htmlFor={`${id}-one`}>
        <input
          id={`${id}-one`}
          type="checkbox"
          checked={isOnePerScan}
          onChange={(e) => onOnePerScanChange(e.target.checked)}
        />
        <span>{t('stockAdmin.counts.onePerScan')}</span>
      </label>
    </div>
  );
}
