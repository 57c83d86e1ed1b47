// Products CSV: one row per SKU; rows with the same `product` (its slug) are one product's variants.
// Validation reads every row and collects every error with its line, so a dry run reports them all.
import type { ImportRowError } from '@handla/api';
import { isValidGtin, parseMajorAmount, toGtin14 } from '@handla/core';
import type { CsvRow } from './csv-format';

export const PRODUCT_COLUMNS = [
  'product',
  'name_sv',
  'name_en',
  'description_sv',
  'description_en',
  'brand',
  'category',
  'tax_class',
  'warranty',
  'status',
  'sku',
  'ean',
  'option1_name',
  'option1_value',
  'option2_name',
  'option2_value',
  'option3_name',
  'option3_value',
  'price',
  'weight_grams',
  'image_urls',
] as const;
export const REQUIRED_PRODUCT_COLUMNS = ['product', 'sku'] as const;

const STATUSES = ['active', 'hidden', 'discontinued'] as const;
type Status = (typeof STATUSES)[number];
// Product-level columns: the first row of a product sets them; later rows may leave them empty.
const PRODUCT_FIELDS = [
  'name_sv',
  'name_en',
  'description_sv',
  'description_en',
  'brand',
  'category',
  'tax_class',
  'warranty',
] as const;

/** A product as the file describes it, with its SKUs in file order. */
export interface ProductImport {
  slug: string;
  nameSv: string;
  nameEn: string;
  descriptionSv: string;
  descriptionEn: string;
  brand: string | null;
  categorySlug: string | null;
  taxClass: string;
  warrantyText: string | null;
  status: Status;
  optionNames: string[];
  skus: SkuImport[];
}

/** One SKU row of the file. */
export interface SkuImport {
  line: number;
  sku: string;
  ean: string | null;
  options: Record<string, string>;
  priceInclVat: number | null;
  weightGrams: number | null;
  imageUrls: string[];
  status: Status;
}

/** What validation needs to know about the database. */
export interface ProductLookups {
  categorySlugs: ReadonlySet<string>;
  taxClasses: ReadonlySet<string>;
  /** Existing SKUs by article number: which product (slug) they belong to. */
  productSlugOfSku: ReadonlyMap<string, string>;
  /** Existing EANs in GTIN-14 form and the article number that holds each. */
  skuOfGtin14: ReadonlyMap<string, string>;
  currency: string;
}

/** Validates the rows into products; `errors` is empty when the file can be written as it is. */
export function validateProductRows(rows: readonly CsvRow[], lookups: ProductLookups) {
  const errors: ImportRowError[] = [];
  const products = new Map<string, ProductImport & { firstLine: number; fields: Record<string, string> }>();
  const lineOfSku = new Map<string, number>();
  const lineOfEan = new Map<string, number>();
  const fail = (line: number, field: string, message: string) => errors.push({ line, field, message });

  for (const { line, cells } of rows) {
    const cell = (name: string) => (cells[name] ?? '').trim();
    const slug = cell('product');
    const sku = cell('sku');
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
      fail(line, 'product', 'Use lower-case letters, digits and dashes, e.g. "t-shirt-ekologisk"');
    if (!sku) fail(line, 'sku', 'The article number is required');
    else if (sku.length > 64) fail(line, 'sku', 'At most 64 characters');
    else if (lineOfSku.has(sku))
      fail(line, 'sku', `Article number ${sku} is also on line ${lineOfSku.get(sku)}`);
    else lineOfSku.set(sku, line);
    const owner = lookups.productSlugOfSku.get(sku);
    if (owner && owner !== slug) fail(line, 'sku', `Article number ${sku} belongs to product "${owner}"`);

    const ean = cell('ean') || null;
    if (ean) {
      if (!isValidGtin(ean)) fail(line, 'ean', `${ean} is not a valid EAN/GTIN (check digit or length)`);
      else if (lineOfEan.has(toGtin14(ean)))
        fail(line, 'ean', `EAN ${ean} is also on line ${lineOfEan.get(toGtin14(ean))}`);
      else {
        lineOfEan.set(toGtin14(ean), line);
        const holder = lookups.skuOfGtin14.get(toGtin14(ean));
        if (holder && holder !== sku) fail(line, 'ean', `EAN ${ean} is already used by article ${holder}`);
      }
    }
    const status = (cell('status') || 'active') as Status;
    if (!STATUSES.includes(status)) fail(line, 'status', `Use one of ${STATUSES.join(', ')}`);
    const priceText = cell('price');
    let priceInclVat: number | null = null;
    if (priceText) {
      try {
        priceInclVat = parseMajorAmount(priceText, lookups.currency);
        if (priceInclVat < 0) fail(line, 'price', 'A price cannot be negative');
      } catch {
        fail(line, 'price', `"${priceText}" is not an amount; write e.g. 199,00`);
      }
    }
    const weightText = cell('weight_grams');
    const weightGrams = weightText ? Number(weightText) : null;
    if (weightGrams !== null && !(Number.isInteger(weightGrams) && weightGrams >= 0)) {
      fail(line, 'weight_grams', 'Whole grams, zero or more');
    }
    const options: Record<string, string> = {};
    const optionNames: string[] = [];
    for (const n of [1, 2, 3]) {
      const name = cell(`option${n}_name`);
      const value = cell(`option${n}_value`);
      if (!name && !value) continue;
      if (!name || !value)
        fail(line, `option${n}_${name ? 'value' : 'name'}`, 'An option needs both a name and a value');
      else {
        options[name] = value;
        optionNames.push(name);
      }
    }
    const skuRow: SkuImport = {
      line,
      sku,
      ean,
      options,
      priceInclVat,
      weightGrams,
      imageUrls: cell('image_urls')
        .split(/[\s|]+/)
        .filter(Boolean),
      status,
    };

    const existing = products.get(slug);
    if (!existing) {
      const fields = Object.fromEntries(PRODUCT_FIELDS.map((f) => [f, cell(f)]));
      const nameSv = fields.name_sv!;
      if (!nameSv) fail(line, 'name_sv', 'The first row of a product needs its Swedish name');
      const taxClass = fields.tax_class || 'standard';
      if (!lookups.taxClasses.has(taxClass)) fail(line, 'tax_class', `Unknown tax class "${taxClass}"`);
      const categorySlug = fields.category || null;
      if (categorySlug && !lookups.categorySlugs.has(categorySlug))
        fail(line, 'category', `Unknown category "${categorySlug}"`);
      products.set(slug, {
        slug,
        nameSv,
        nameEn: fields.name_en || nameSv,
        descriptionSv: fields.description_sv ?? '',
        descriptionEn: fields.description_en || fields.description_sv || '',
        brand: fields.brand || null,
        categorySlug,
        taxClass,
        warrantyText: fields.warranty || null,
        status,
        optionNames,
        skus: [skuRow],
        firstLine: line,
        fields,
      });
      continue;
    }
    for (const f of PRODUCT_FIELDS) {
      const value = cell(f);
      if (value && value !== existing.fields[f])
        fail(line, f, `Differs from line ${existing.firstLine} of the same product`);
    }
    if (optionNames.join('|') !== existing.optionNames.join('|')) {
      fail(
        line,
        'option1_name',
        `The options must be named as on line ${existing.firstLine}: ${existing.optionNames.join(', ') || 'none'}`,
      );
    }
    const same = existing.skus.find((s) => JSON.stringify(s.options) === JSON.stringify(options));
    if (same) fail(line, 'option1_value', `The same option values as line ${same.line}`);
    existing.skus.push(skuRow);
  }
  return {
    products: [...products.values()].map(({ firstLine: _f, fields: _x, ...product }) => product),
    errors,
  };
}
