import { z } from 'zod';
import { CatalogStatus } from './catalog-admin';
import { LocalizedText, MoneyDto, PageQuery } from './common';

/** One sellable variant (SKU) of a product. */
export const Sku = z
  .object({
    id: z.string(),
    sku: z.string(),
    ean: z.string().nullable(),
    options: z.record(z.string(), z.string()),
    priceInclVat: MoneyDto,
  })
  .meta({ id: 'Sku' });
export type Sku = z.infer<typeof Sku>;

/** A product with its variants, as listed in the shop and the back office. */
export const Product = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: LocalizedText,
    description: LocalizedText,
    brand: z.string().nullable(),
    category: z.object({ id: z.string(), slug: z.string(), name: LocalizedText }).nullable(),
    isBundle: z.boolean(),
    imageUrl: z.string().nullable(),
    fromPriceInclVat: MoneyDto,
    skus: z.array(Sku),
  })
  .meta({ id: 'Product' });
export type Product = z.infer<typeof Product>;

/** Query of `GET /api/products`. */
export const ProductListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  category: z.string().max(100).optional(),
});
export type ProductListQuery = z.infer<typeof ProductListQuery>;

/**
 * A SKU as the register shows it after a scan or a search: names, options, retail price, warranty
 * text for the receipt; `status` is the stricter of the product's and the SKU's own.
 */
export const SkuSummary = z
  .object({
    id: z.string(),
    sku: z.string(),
    ean: z.string().nullable(),
    productId: z.string(),
    name: LocalizedText,
    options: z.record(z.string(), z.string()),
    priceInclVat: MoneyDto.nullable(),
    taxClass: z.string(),
    warrantyText: z.string().nullable(),
    isBundle: z.boolean(),
    status: CatalogStatus,
    imageUrl: z.string().nullable(),
  })
  .meta({ id: 'SkuSummary' });
export type SkuSummary = z.infer<typeof SkuSummary>;

/** Query of `GET /api/skus/lookup`: a scanned or typed EAN or article number, matched exactly. */
export const SkuLookupQuery = z.strictObject({ code: z.string().trim().min(1).max(64) });
export type SkuLookupQuery = z.infer<typeof SkuLookupQuery>;

/**
 * Query of `GET /api/skus`: words of the name (each as a prefix), or the start of an article number
 * or EAN; or `ids`, a comma-separated list of up to 200 SKU ids to name (discontinued ones included).
 */
export const SkuSearchQuery = z
  .strictObject({
    q: z.string().trim().min(1).max(100).optional(),
    ids: z
      .string()
      .max(8000)
      .transform((text) => [
        ...new Set(
          text
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ])
      .refine((ids) => ids.length >= 1 && ids.length <= 200, 'Give 1 to 200 comma-separated ids')
      .optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((query) => (query.q === undefined) !== (query.ids === undefined), {
    message: 'Give either q or ids',
    path: ['q'],
  });
export type SkuSearchQuery = z.infer<typeof SkuSearchQuery>;

/** Answer of `GET /api/skus`: the best matches first, never discontinued ones. */
export const SkuSearchResult = z.object({ items: z.array(SkuSummary) });
export type SkuSearchResult = z.infer<typeof SkuSearchResult>;
