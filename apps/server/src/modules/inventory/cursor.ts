// Opaque page cursors: the sort key of the last row, so the next page starts right after it.
import { invalid } from './inventory.shared';

/** Encodes the last row's sort key. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Decodes a cursor of `size` parts, or `validation_failed` naming `cursor`. */
export function decodeCursor(cursor: string | undefined, size: number): string[] | null {
  if (cursor === undefined) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === size && parts.every((p) => typeof p === 'string')) {
      return parts as string[];
    }
  } catch {
    // falls through to the refusal below
  }
  throw invalid('cursor', 'Not a cursor from this list');
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function pageOf<R, T>(rows: R[], limit: number, keyOf: (row: R) => string[], map: (row: R) => T) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}
