// Creating a product: its variants from option templates, their SKUs and retail prices, and a
// bundle's components, in one transaction.
import type { CatalogProduct, CreateProductBody } from '@handla/api';
import { generateVariants, slugify, toGtin14, variantKey } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import {
  assertCodesFree,
  assertComponentsValid,
  assertGtin,
  requireRetailPriceList,
  retailAmount,
} from './catalog.checks';
import { duplicateField, invalidField, withConstraintErrors } from './catalog.errors';
import { findCategoryRow } from './categories.store';
import { getCatalogProductIn } from './products.service';
import * as products from './products.store';
import * as skus from './skus.store';

// A free slug: the one asked for, or the name's, then with the article number, then numbered.
async function chooseSlug(q: Queryable, input: CreateProductBody): Promise<string> {
  if (input.slug) {
    if ((await products.takenProductSlugs(q, [input.slug])).size > 0) {
      throw duplicateField('slug', `Another product has the slug ${input.slug}.`);
    }
    return input.slug;
  }
  const base = slugify(input.name.sv) || slugify(input.articleNumber);
  const candidates = [base, `${base}-${slugify(input.articleNumber)}`];
  for (let n = 2; n <= 20; n++) candidates.push(`${base}-${n}`);
  const taken = await products.takenProductSlugs(q, candidates);
  const free = candidates.find((c) => !taken.has(c));
  if (!free) throw duplicateField('slug', 'Give this product a slug of its own.');
  return free;
}

/** Creates a product with a SKU per option combination, their retail prices and, for a bundle, its components. */
export async function createProduct(ctx: AppContext, input: CreateProductBody): Promise<CatalogProduct> {
  const now = ctx.clock();
  if (input.isBundle && input.options.length > 0) {
    throw invalidField('options', 'A bundle is sold as one article; it has no options.');
  }
  if (!input.isBundle && input.components) throw invalidField('components', 'Only a bundle has components.');
  const { templates, variants } = generateVariants(input.articleNumber, input.options);
  const keys = variants.map((v) => variantKey(v.options));
  const overrides = new Map<
    number,
    { override: NonNullable<CreateProductBody['variants']>[number]; at: number }
  >();
  (input.variants ?? []).forEach((override, at) => {
    const index = keys.indexOf(variantKey(override.options));
    if (index < 0) throw invalidField(`variants.${at}.options`, 'No variant has these options.');
    if (overrides.has(index)) throw invalidField(`variants.${at}.options`, 'This variant is listed twice.');
    assertGtin(override.ean, `variants.${at}.ean`);
    overrides.set(index, { override, at });
  });
  const eans = [...overrides.values()].filter((o) => o.override.ean);
  eans.forEach((o, i) => {
    if (eans.findIndex((other) => toGtin14(other.override.ean!) === toGtin14(o.override.ean!)) !== i) {
      throw duplicateField(`variants.${o.at}.ean`, `The EAN ${o.override.ean} is given to two variants.`);
    }
  });

  return withConstraintErrors(
    () =>
      ctx.db.transaction(async (tx) => {
        if (input.categoryId && !(await findCategoryRow(tx, input.categoryId))) {
          throw invalidField('categoryId', `There is no category ${input.categoryId}.`);
        }
        const retail = await requireRetailPriceList(tx, 'priceInclVat');
        const basePrice = retailAmount(input.priceInclVat, retail.currency, 'priceInclVat');
        const productId = ctx.newId('prd');
        const newSkus = variants.map((v, i) => {
          const o = overrides.get(i);
          return {
            id: ctx.newId('sku'),
            productId,
            sku: v.articleNumber,
            ean: o?.override.ean ?? null,
            options: v.options,
            weightGrams: o?.override.weightGrams ?? input.weightGrams ?? null,
            imageUrls: o?.override.imageUrls ?? input.imageUrls ?? [],
            status: o?.override.status ?? 'active',
            sortOrder: v.sortOrder,
            price: o?.override.priceInclVat
              ? retailAmount(o.override.priceInclVat, retail.currency, `variants.${o.at}.priceInclVat`)
              : basePrice,
            eanField: o ? `variants.${o.at}.ean` : 'variants',
          };
        });
        await assertCodesFree(
          tx,
          newSkus.map((s) => ({
            article: s.sku,
            articleField: 'articleNumber',
            ean: s.ean,
            eanField: s.eanField,
          })),
        );
        if (input.isBundle) await assertComponentsValid(tx, input.components ?? []);
        await products.insertProduct(
          tx,
          {
            id: productId,
            slug: await chooseSlug(tx, input),
            nameSv: input.name.sv,
            nameEn: input.name.en,
            descriptionSv: input.description?.sv ?? '',
            descriptionEn: input.description?.en ?? '',
            brand: input.brand ?? null,
            categoryId: input.categoryId ?? null,
            taxClass: input.taxClass,
            warrantyText: input.warrantyText ?? null,
            options: templates,
            isBundle: input.isBundle,
            status: input.status,
          },
          now,
        );
        await skus.insertSkus(tx, newSkus, now);
        if (input.isBundle) await skus.replaceComponents(tx, newSkus[0]!.id, input.components ?? []);
        await skus.setRetailPrices(
          tx,
          retail.id,
          newSkus.map((s) => ({ skuId: s.id, unitPriceInclVat: s.price })),
        );
        const product = await getCatalogProductIn(tx, productId);
        await emitEvent(
          tx,
          {
            type: 'product.created',
            aggregateType: 'product',
            aggregateId: productId,
            data: {
              slug: product.slug,
              status: product.status,
              isBundle: product.isBundle,
              skus: product.skus.map((s) => ({
                id: s.id,
                sku: s.sku,
                ean: s.ean,
                priceInclVat: s.priceInclVat,
              })),
            },
          },
          now,
        );
        return product;
      }),
    { skus_sku_key: 'articleNumber' },
  );
}
