// Shared building blocks of the HTTP contract.
import { z } from 'zod';

/** A field error inside a problem document: which input was wrong, and why. */
export const FieldError = z.object({ field: z.string(), message: z.string() });

/** RFC 9457 problem details with our snake_case `code` and a list of field errors. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** Money in integer minor units (öre) with its ISO 4217 currency. */
export const MoneyDto = z
  .object({ amount: z.number().int(), currency: z.string().length(3) })
  .meta({ id: 'Money' });
export type MoneyDto = z.infer<typeof MoneyDto>;

/** Text in the two languages the UI speaks. */
export const LocalizedText = z.object({ sv: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Cursor pagination: pass `nextCursor` back as `cursor` until it is null. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A page of items with the cursor of the next page. */
export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
