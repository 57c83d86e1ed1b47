import type { StockCount } from '@handla/api';
import { parseQuantity } from '../shared/LineEditor';

/** A line of the sheet as the screen shows it: the server's figures and what was typed since. */
export interface SheetLine {
  skuId: string;
  /** On-hand when the line joined the sheet; null for a line added here and not saved yet. */
  expected: number | null;
  /** The count the server has, or null. */
  saved: number | null;
  /** What the field holds now. */
  text: string;
  /** The field's whole number, or null while it is empty or not a number. */
  counted: number | null;
  isDirty: boolean;
  isInvalid: boolean;
}

export type SheetFilter = 'all' | 'uncounted' | 'differences';

/** The sheet's lines with the typed-in counts applied; lines added here come last. */
export function sheetLines(count: StockCount, entered: Record<string, string>, added: string[]): SheetLine[] {
  const onSheet = new Set(count.lines.map((l) => l.skuId));
  const rows = [
    ...count.lines.map((l) => ({ skuId: l.skuId, expected: l.expectedOnHand, saved: l.countedQuantity })),
    ...added.filter((id) => !onSheet.has(id)).map((skuId) => ({ skuId, expected: null, saved: null })),
  ];
  return rows.map((row) => {
    const typed = entered[row.skuId];
    const text = typed ?? (row.saved === null ? '' : String(row.saved));
    const parsed = text.trim() === '' ? null : parseQuantity(text);
    const isInvalid = text.trim() !== '' && (parsed === null || parsed < 0);
    return {
      ...row,
      text,
      counted: isInvalid ? null : parsed,
      isDirty: typed !== undefined && !isInvalid && parsed !== null && parsed !== row.saved,
      isInvalid,
    };
  });
}

/** The counted-minus-expected of a line, when both are known. */
export function lineDifference(line: SheetLine): number | null {
  return line.counted === null || line.expected === null ? null : line.counted - line.expected;
}

/** Whether the filter shows the line. */
export function isShown(line: SheetLine, filter: SheetFilter): boolean {
  if (filter === 'uncounted') return line.counted === null;
  if (filter === 'differences') return (lineDifference(line) ?? 0) !== 0;
  return true;
}
