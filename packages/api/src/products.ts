import { z } from 'zod';
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
