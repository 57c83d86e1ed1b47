// Page cursors over products ordered by slug: opaque to clients, checked when they come back.
import { DomainError } from '@handla/core';

/** The cursor for the page after the product with `slug`. */
export const encodeSlugCursor = (slug: string) => Buffer.from(slug).toString('base64url');

/** The slug inside a cursor this API gave out; `validation_failed` naming `cursor` otherwise. */
export function decodeSlugCursor(cursor: string): string {
  const slug = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z0-9-]+$/.test(slug)) {
    throw new DomainError('validation_failed', 'The cursor is not one this API gave out.', [
      { field: 'cursor', message: 'Invalid cursor' },
    ]);
  }
  return slug;
}
