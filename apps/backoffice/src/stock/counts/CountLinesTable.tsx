import { useLocale, useT } from '@handla/ui';
import { useId } from 'react';
import { formatSigned, formatUnits } from '../shared/format';
import { SkuText } from '../shared/SkuLabel';
import { useSkus } from '../shared/useSkus';
import { lineDifference, type SheetLine } from './countLines';

/** Lines per page of the sheet; a scan turns to the page of its line. */
export const SHEET_PAGE_SIZE = 100;

/** The count sheet's lines: expected, counted (a field while open) and the difference. */
export function CountLinesTable({
  lines,
  caption,
  isOpen,
  current,
  onEnter,
  onNext,
}: {
  lines: SheetLine[];
  caption: string;
  isOpen: boolean;
  /** The line the last scan went to. */
  current: string | null;
  onEnter: (skuId: string, text: string) => void;
  /** Enter in a counted field: back to the scanner for the next article. */
  onNext: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const lookup = useSkus(lines.map((l) => l.skuId));
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stockAdmin.col.article')}</th>
            <th scope="col" className="number">
              {t('stockAdmin.counts.expected')}
            </th>
            <th scope="col" className="number" id={`${id}-counted`}>
              {t('stockAdmin.counts.countedQuantity')}
            </th>
            <th scope="col" className="number">
              {t('stockAdmin.col.difference')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => {
            const difference = lineDifference(line);
            const rowClass =
              line.skuId === current ? 'stock-row-current' : difference ? 'stock-row-attention' : '';
            return (
              <tr key={line.skuId} className={rowClass || undefined}>
                <th scope="row" id={`${id}-${line.skuId}`}>
                  <SkuText lookup={lookup(line.skuId)} id={line.skuId} />
                  {line.isDirty && <span className="muted"> · {t('stockAdmin.counts.unsaved')}</span>}
                </th>
                <td className="number">
                  {line.expected === null ? '–' : formatUnits(line.expected, locale)}
                </td>
                <td className="number">
                  {isOpen ? (
                    <input
                      type="number"
                      className="stock-qty"
                      min={0}
                      step={1}
                      data-sku={line.skuId}
                      aria-labelledby={`${id}-counted ${id}-${line.skuId}`}
                      aria-invalid={line.isInvalid || undefined}
                      value={line.text}
                      onChange={(e) => onEnter(line.skuId, e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key !== 'Enter') return;
                        e.preventDefault();
                        onNext();
                      }}
                    />
                  ) : line.counted === null ? (
                    '–'
                  ) : (
                    formatUnits(line.counted, locale)
                  )}
                </td>
                <td className={`number${difference && difference < 0 ? ' stock-negative' : ''}`}>
                  {difference === null ? '–' : formatSigned(difference, locale)}
                </td>
              </tr>
            );
          })}
          {lines.length === 0 && (
            <tr>
              <td colSpan={4}>{t('stockAdmin.counts.noLines')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
