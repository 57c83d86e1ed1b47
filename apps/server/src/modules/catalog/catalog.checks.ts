// Checks several catalog operations share; each refusal names the input field it is about.
import {
  assertValidBundleComponents,
  DomainError,
  effectiveStatus,
  isValidGtin,
  toGtin14,
} from '@handla/core';
import type { Queryable } from '@handla/db';
import { duplicateField, invalidField } from './catalog.errors';
import * as skus from './skus.store';

/** Checks a price against the retail list's currency and returns its amount. */
export function retailAmount(price: { amount: number; currency: string }, currency: string, field: string) {
  if (price.currency !== currency) {
    throw invalidField(`${field}.currency`, `Prices are in ${currency}, the retail price list's currency.`);
  }
  return price.amount;
}

/** The retail price list, which every new SKU gets its price in. */
export async function requireRetailPriceList(q: Queryable, field: string) {
  const list = await skus.findRetailPriceList(q);
  if (!list) {
    throw new DomainError('invalid_state', 'There is no retail price list to put the price in.', [
      { field, message: 'No retail price list' },
    ]);
  }
  return list;
}

/** Refuses taken article numbers and EANs, naming the field each came from. */
export async function assertCodesFree(
  q: Queryable,
  codes: readonly { article?: string; articleField: string; ean?: string | null; eanField: string }[],
  exceptSkuId = '',
) {
  const taken = await skus.findTakenCodes(
    q,
    {
      articles: codes.flatMap((c) => (c.article ? [c.article] : [])),
      gtin14s: codes.flatMap((c) => (c.ean ? [toGtin14(c.ean)] : [])),
    },
    exceptSkuId,
  );
  for (const c of codes) {
    if (c.article && taken.some((t) => t.sku === c.article)) {
      throw duplicateField(c.articleField, `The article number ${c.article} is taken by another SKU.`);
    }
    const clash = c.ean ? taken.find((t) => t.gtin14 === toGtin14(c.ean!)) : undefined;
    if (clash) throw duplicateField(c.eanField, `The EAN ${c.ean} belongs to ${clash.sku}.`);
  }
}

/** Refuses an EAN whose check digit is wrong. */
export function assertGtin(ean: string | null | undefined, field: string) {
  if (ean && !isValidGtin(ean)) {
    throw invalidField(field, `${ean} is not a valid EAN/GTIN: its check digit does not match.`);
  }
}

/** Refuses components that are not plain, sellable SKUs (bundles in bundles, discontinued ones). */
export async function assertComponentsValid(
  q: Queryable,
  components: readonly { skuId: string; quantity: number }[],
) {
  const facts = await skus.findComponentFacts(
    q,
    components.map((c) => c.skuId),
  );
  assertValidBundleComponents(
    components.map((c) => {
      const f = facts.find((x) => x.skuId === c.skuId);
      return {
        ...c,
        facts: f && { isBundle: f.isBundle, status: effectiveStatus(f.productStatus, f.skuStatus) },
      };
    }),
  );
}
