// The catalog's refusals, and the database's own refusals turned into them.
import { DomainError } from '@handla/core';

/** A 400 naming one input field. */
export const invalidField = (field: string, message: string) =>
  new DomainError('validation_failed', message, [{ field, message }]);

/** A 409 `duplicate` naming the field whose value is taken. */
export const duplicateField = (field: string, message: string) =>
  new DomainError('duplicate', message, [{ field, message }]);

/** The 409 for an edit based on a version someone else has already replaced. */
export const versionConflict = (what: string, current: number, sent: number) =>
  new DomainError(
    'version_conflict',
    `The ${what} is at version ${current}, you sent ${sent}; reload it and try again.`,
    [{ field: 'version', message: `Current version is ${current}` }],
  );

/** A 404 for the resource in the path. */
export const notFound = (what: string, id: string) =>
  new DomainError('not_found', `No ${what} ${id}.`, [{ field: 'id', message: `Unknown ${what}` }]);

// Checks inside the transaction find taken values first; these catch what a concurrent
// transaction committed in between, so a race still gives a field error, not a 500.
const CONSTRAINTS: Record<string, { code: string; field: string; message: string }> = {
  skus_ean_key: { code: 'duplicate', field: 'ean', message: 'Another SKU has this EAN.' },
  skus_gtin14_key: { code: 'duplicate', field: 'ean', message: 'Another SKU has this EAN.' },
  skus_sku_key: { code: 'duplicate', field: 'sku', message: 'Another SKU has this article number.' },
  products_slug_key: { code: 'duplicate', field: 'slug', message: 'Another product has this slug.' },
  categories_slug_key: { code: 'duplicate', field: 'slug', message: 'Another category has this slug.' },
  products_tax_class_fkey: { code: 'validation_failed', field: 'taxClass', message: 'Unknown tax class.' },
};

/**
 * Runs `work` (a whole transaction), turning a unique or foreign-key violation into the matching
 * field error; `fields` renames a constraint's field where the body calls it something else.
 */
export async function withConstraintErrors<T>(
  work: () => Promise<T>,
  fields: Partial<Record<string, string>> = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = error as { code?: unknown; constraint?: unknown };
    const known = typeof constraint === 'string' ? CONSTRAINTS[constraint] : undefined;
    if ((code === '23505' || code === '23503') && known && typeof constraint === 'string') {
      const field = fields[constraint] ?? known.field;
      throw new DomainError(known.code, known.message, [{ field, message: known.message }]);
    }
    throw error;
  }
}
