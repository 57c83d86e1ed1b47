// The HTTP contract of the catalog module: categories, products with variants, SKUs and bundles
// under /api/catalog (staff and catalog-scoped API keys). The shop's and register's views are in products.ts.
import { z } from 'zod';
import { LocalizedText, MoneyDto, PageQuery } from './common';

/** Active: sold everywhere. Hidden: not in the web shop, still sold in stores. Discontinued: not sold. */
export const CatalogStatus = z.enum(['active', 'hidden', 'discontinued']).meta({ id: 'CatalogStatus' });
export type CatalogStatus = z.infer<typeof CatalogStatus>;

const Id = z.string().min(1).max(100);
/** The `version` a client last read; a stale one is refused with 409 `version_conflict`. */
const Version = z.number().int().min(1);
const Instant = z.iso.datetime();
const LocalizedInput = (max: number) =>
  z.strictObject({ sv: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });
const Slug = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters and digits joined by single hyphens');
const ArticleNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z0-9][A-Z0-9._/-]{0,63}$/,
    'At most 64 of A–Z, 0–9 and . _ / -, starting with a letter or digit',
  );
/** A GTIN: EAN-13, EAN-8, UPC-A (12) or GTIN-14; the check digit is verified by the server. */
const Ean = z
  .string()
  .trim()
  .regex(/^(?:\d{8}|\d{12,14})$/, 'An EAN/GTIN has 8, 12, 13 or 14 digits');
/** A price in öre including VAT, in the currency of the retail price list. */
const PriceInput = z.strictObject({
  amount: z.number().int().min(0).max(1_000_000_000),
  currency: z.string().regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as SEK'),
});
const WeightGrams = z.number().int().min(0).max(1_000_000);
const ImageUrls = z.array(z.url({ protocol: /^https?$/ }).max(2000)).max(20);
const ComponentInput = z.strictObject({ skuId: Id, quantity: z.number().int().min(1).max(1000) });

/** A category as a link: breadcrumbs and a product's category. */
export const CategoryRef = z.object({ id: z.string(), slug: z.string(), name: LocalizedText }).meta({
  id: 'CategoryRef',
});
export type CategoryRef = z.infer<typeof CategoryRef>;

/** One category with its place in the tree; `path` runs from the root down to the category itself. */
export const Category = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: LocalizedText,
    parentId: z.string().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    path: z.array(CategoryRef),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof Category>;

/** A category with its sub-categories, recursively, siblings by sort order. */
export interface CategoryTreeNode {
  id: string;
  slug: string;
  name: LocalizedText;
  parentId: string | null;
  sortOrder: number;
  version: number;
  children: CategoryTreeNode[];
}
/** A category with its sub-categories, recursively, siblings by sort order. */
export const CategoryTreeNode: z.ZodType<CategoryTreeNode> = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: LocalizedText,
    parentId: z.string().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
    get children() {
      return z.array(CategoryTreeNode);
    },
  })
  .meta({ id: 'CategoryTreeNode' });

/** Answer of `GET /api/catalog/categories`: the root categories with everything below them. */
export const CategoryTree = z.object({ items: z.array(CategoryTreeNode) });
export type CategoryTree = z.infer<typeof CategoryTree>;

/** Body of `POST /api/catalog/categories`; the slug defaults to one made from the Swedish name. */
export const CreateCategoryBody = z.strictObject({
  name: LocalizedInput(100),
  slug: Slug.optional(),
  parentId: Id.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type CreateCategoryBody = z.infer<typeof CreateCategoryBody>;

/** Body of `PATCH /api/catalog/categories/:id`: rename, move (`parentId`) or reorder. */
export const UpdateCategoryBody = z.strictObject({
  version: Version,
  name: LocalizedInput(100).optional(),
  slug: Slug.optional(),
  parentId: Id.nullable().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type UpdateCategoryBody = z.infer<typeof UpdateCategoryBody>;

/** An option template of a product, e.g. Färg with its values; SKUs key their choice by `name.sv`. */
export const OptionTemplate = z
  .object({ name: LocalizedText, values: z.array(z.string()) })
  .meta({ id: 'OptionTemplate' });
export type OptionTemplate = z.infer<typeof OptionTemplate>;

/** One component of a bundle SKU: which SKU and how many of it one bundle takes. */
export const BundleComponentDto = z
  .object({ skuId: z.string(), sku: z.string(), quantity: z.number().int() })
  .meta({ id: 'BundleComponent' });
export type BundleComponentDto = z.infer<typeof BundleComponentDto>;

/** A SKU as the back office edits it; `priceInclVat` is its retail price, null when it has none. */
export const CatalogSku = z
  .object({
    id: z.string(),
    productId: z.string(),
    sku: z.string(),
    ean: z.string().nullable(),
    options: z.record(z.string(), z.string()),
    weightGrams: z.number().int().nullable(),
    imageUrls: z.array(z.string()),
    status: CatalogStatus,
    sortOrder: z.number().int(),
    version: z.number().int(),
    priceInclVat: MoneyDto.nullable(),
    components: z.array(BundleComponentDto),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'CatalogSku' });
export type CatalogSku = z.infer<typeof CatalogSku>;

/** A product as the back office edits it, with every SKU whatever its status. */
export const CatalogProduct = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: LocalizedText,
    description: LocalizedText,
    brand: z.string().nullable(),
    category: CategoryRef.nullable(),
    taxClass: z.string(),
    warrantyText: z.string().nullable(),
    options: z.array(OptionTemplate),
    isBundle: z.boolean(),
    status: CatalogStatus,
    version: z.number().int(),
    createdAt: Instant,
    updatedAt: Instant,
    skus: z.array(CatalogSku),
  })
  .meta({ id: 'CatalogProduct' });
export type CatalogProduct = z.infer<typeof CatalogProduct>;

/** Query of `GET /api/catalog/products`: by status, by category (and its sub-categories), by text. */
export const CatalogProductListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: CatalogStatus.optional(),
  categoryId: Id.optional(),
});
export type CatalogProductListQuery = z.infer<typeof CatalogProductListQuery>;

/** Overrides for one generated variant, matched by its options (`{}` for a product without options). */
export const VariantInput = z.strictObject({
  options: z.record(z.string(), z.string()).default({}),
  ean: Ean.optional(),
  priceInclVat: PriceInput.optional(),
  weightGrams: WeightGrams.optional(),
  imageUrls: ImageUrls.optional(),
  status: CatalogStatus.optional(),
});

/**
 * Body of `POST /api/catalog/products`. The option templates generate one SKU per combination,
 * article numbers `articleNumber-<code>-<code>`; each SKU gets `priceInclVat` unless a variant
 * override gives it its own. A bundle has no options and lists its `components`.
 */
export const CreateProductBody = z.strictObject({
  articleNumber: ArticleNumber,
  name: LocalizedInput(200),
  description: z
    .strictObject({ sv: z.string().trim().max(5000), en: z.string().trim().max(5000) })
    .optional(),
  brand: z.string().trim().min(1).max(100).nullable().optional(),
  slug: Slug.optional(),
  categoryId: Id.nullable().optional(),
  taxClass: z.string().min(1).max(50).default('standard'),
  warrantyText: z.string().trim().min(1).max(500).nullable().optional(),
  status: CatalogStatus.default('active'),
  options: z
    .array(
      z.strictObject({
        name: LocalizedInput(50),
        values: z
          .array(
            z.strictObject({
              value: z.string().trim().min(1).max(50),
              code: z.string().trim().min(1).max(8).optional(),
            }),
          )
          .max(100),
      }),
    )
    .max(5)
    .default([]),
  priceInclVat: PriceInput,
  weightGrams: WeightGrams.optional(),
  imageUrls: ImageUrls.optional(),
  isBundle: z.boolean().default(false),
  components: z.array(ComponentInput).max(50).optional(),
  variants: z.array(VariantInput).max(500).optional(),
});
export type CreateProductBody = z.infer<typeof CreateProductBody>;

/** Body of `PATCH /api/catalog/products/:id`: only the fields given change. */
export const UpdateProductBody = z.strictObject({
  version: Version,
  name: LocalizedInput(200).optional(),
  description: z
    .strictObject({ sv: z.string().trim().max(5000), en: z.string().trim().max(5000) })
    .optional(),
  brand: z.string().trim().min(1).max(100).nullable().optional(),
  slug: Slug.optional(),
  categoryId: Id.nullable().optional(),
  taxClass: z.string().min(1).max(50).optional(),
  warrantyText: z.string().trim().min(1).max(500).nullable().optional(),
});
export type UpdateProductBody = z.infer<typeof UpdateProductBody>;

/** Body of `PUT /api/catalog/products/:id/status`. */
export const SetProductStatusBody = z.strictObject({ version: Version, status: CatalogStatus });
export type SetProductStatusBody = z.infer<typeof SetProductStatusBody>;

/** Body of `POST /api/catalog/products/:id/skus`: one more variant; a new option value joins its template. */
export const AddSkuBody = z.strictObject({
  sku: ArticleNumber,
  ean: Ean.optional(),
  options: z.record(z.string(), z.string()).default({}),
  priceInclVat: PriceInput,
  weightGrams: WeightGrams.optional(),
  imageUrls: ImageUrls.optional(),
  status: CatalogStatus.default('active'),
});
export type AddSkuBody = z.infer<typeof AddSkuBody>;

/** Body of `PATCH /api/catalog/skus/:id`; `ean: null` removes the EAN. Prices belong to price lists. */
export const UpdateSkuBody = z.strictObject({
  version: Version,
  sku: ArticleNumber.optional(),
  ean: Ean.nullable().optional(),
  weightGrams: WeightGrams.nullable().optional(),
  imageUrls: ImageUrls.optional(),
  status: CatalogStatus.optional(),
});
export type UpdateSkuBody = z.infer<typeof UpdateSkuBody>;

/** Body of `PUT /api/catalog/skus/:id/components`: the bundle's whole component list. */
export const SetBundleComponentsBody = z.strictObject({
  version: Version,
  components: z.array(ComponentInput).max(50),
});
export type SetBundleComponentsBody = z.infer<typeof SetBundleComponentsBody>;
