import { z } from 'zod';

/** What a CSV file holds: products with their variants, prices in a price list, or stock per location. */
export const ImportKind = z.enum(['products', 'prices', 'stock']);
export type ImportKind = z.infer<typeof ImportKind>;

/** One bad row: its line number in the file (the header is line 1), the column, and why. */
export const ImportRowError = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

/** An import as it runs and after: progress, errors with line numbers, and what was written. */
export const ImportJob = z
  .object({
    id: z.string(),
    kind: ImportKind,
    isDryRun: z.boolean(),
    status: z.enum(['validating', 'writing', 'succeeded', 'failed']),
    fileName: z.string().nullable(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(ImportRowError),
    summary: z.record(z.string(), z.number()).nullable(),
    failure: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

/** Query of `POST /api/imports`: the body is the CSV file itself (text/csv). */
export const StartImportQuery = z.strictObject({
  kind: ImportKind,
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  fileName: z.string().max(200).optional(),
});

/** Query of `GET /api/exports/prices.csv`. */
export const PriceExportQuery = z.strictObject({ priceList: z.string().max(50).default('RETAIL') });
/** Query of `GET /api/exports/stock.csv`. */
export const StockExportQuery = z.strictObject({ location: z.string().max(50).optional() });
