import { useT } from '@handla/ui';
import { useId, useRef } from 'react';
import { SkuText } from './SkuLabel';
import { SkuPicker } from './SkuPicker';
import { useSkus } from './useSkus';

/** A line being entered: a SKU and a quantity as typed. */
export interface DraftLine {
  skuId: string;
  quantity: string;
}

/** The whole number a quantity field holds, or null when it holds something else. */
export function parseQuantity(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/**
 * Lines of SKUs and quantities: a picker adds a SKU (searched or scanned); picking one already
 * listed moves to its quantity instead of adding it twice.
 */
export function LineEditor({
  lines,
  onChange,
  caption,
  quantityLabel,
}: {
  lines: DraftLine[];
  onChange: (lines: DraftLine[]) => void;
  caption: string;
  quantityLabel: string;
}) {
  const t = useT();
  const lookup = useSkus(lines.map((l) => l.skuId));
  const table = useRef<HTMLTableElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const id = useId();

  function focusQuantity(skuId: string) {
    // After React has drawn the new row.
    requestAnimationFrame(() => {
      const field = table.current?.querySelector<HTMLInputElement>(`input[data-sku="${CSS.escape(skuId)}"]`);
      field?.focus();
      field?.select();
    });
  }

  return (
    <div className="stack">
      <SkuPicker
        label={t('stockAdmin.lines.add')}
        inputRef={picker}
        onPick={(sku) => {
          if (!lines.some((l) => l.skuId === sku.id)) onChange([...lines, { skuId: sku.id, quantity: '1' }]);
          focusQuantity(sku.id);
        }}
      />
      <div className="table-wrap">
        <table ref={table}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stockAdmin.col.article')}</th>
              <th scope="col" className="number" id={`${id}-qty`}>
                {quantityLabel}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('stockAdmin.lines.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => {
              const isInvalid = (parseQuantity(line.quantity) ?? 0) < 1;
              return (
                <tr key={line.skuId}>
                  <th scope="row" id={`${id}-${i}`}>
                    <SkuText lookup={lookup(line.skuId)} id={line.skuId} />
                  </th>
                  <td className="number">
                    <input
                      type="number"
                      className="stock-qty"
                      min={1}
                      step={1}
                      required
                      data-sku={line.skuId}
                      aria-labelledby={`${id}-qty ${id}-${i}`}
                      aria-invalid={isInvalid || undefined}
                      value={line.quantity}
                      onKeyDown={(e) => {
                        // Enter goes back to the picker for the next article instead of submitting.
                        if (e.key !== 'Enter') return;
                        e.preventDefault();
                        picker.current?.focus();
                      }}
                      onChange={(e) =>
                        onChange(
                          lines.map((l) => (l.skuId === line.skuId ? { ...l, quantity: e.target.value } : l)),
                        )
                      }
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => onChange(lines.filter((l) => l.skuId !== line.skuId))}
                    >
                      {t('stockAdmin.lines.remove')}
                      <span className="visually-hidden"> {t('stockAdmin.lines.line', { line: i + 1 })}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
            {lines.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t('stockAdmin.lines.none')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The lines as the server takes them, or null when a quantity is not a whole number above zero. */
export function linesForServer(lines: DraftLine[]): { skuId: string; quantity: number }[] | null {
  const parsed = lines.map((l) => ({ skuId: l.skuId, quantity: parseQuantity(l.quantity) ?? 0 }));
  return parsed.every((l) => l.quantity >= 1) ? parsed : null;
}
