// What a SKU sells at: the candidate prices are read here and chosen by the pure rule in
// @handla/core (resolveUnitPrice, documented in docs/pricing.md), with the VAT rate in force on
// the local date of the sale where it happens (the store's country and time zone, else the company's).
import type { ResolvedPrice, ResolvePriceQuery } from '@handla/api';
import {
  DomainError,
  money,
  type PriceCandidate,
  resolveUnitPrice,
  taxClassIn,
  vatRateInForce,
} from '@handla/core';
import type { AppContext } from '../../context';
import { findSkuFacts } from '../catalog/catalog.lookups';
import { findCustomerPricing } from '../customers/customers.lookups';
import { listStoreRows } from '../stores/stores.store';
import { type CandidateRow, listCandidateRows } from './pricing.resolve.store';
import { findCompanyFacts, notFound } from './pricing.shared';
import { listTaxOverrideRows, listVatRateRows } from './pricing.vat.store';

/** Several SKUs priced for one sale: the same store, customer and instant. */
export interface ResolveInput {
  skuIds: readonly string[];
  storeId?: string;
  customerId?: string;
  at: Date;
  /**
   * A web shop's own list in place of the company's retail list; prices in another currency than
   * this list's (campaigns, store overrides, a customer's B2B list) are then left out (docs/shops.md).
   */
  basePriceListId?: string;
}

function toCandidate(row: CandidateRow): PriceCandidate {
  const unitPriceInclVat = money(row.amount, row.currency);
  switch (row.source) {
    case 'retail':
      return { source: 'retail', unitPriceInclVat };
    case 'customer_list':
      return { source: 'customer_list', priceListId: row.ref!, unitPriceInclVat };
    case 'store_override':
      return { source: 'store_override', storeId: row.storeId!, unitPriceInclVat };
    case 'campaign':
      return {
        source: 'campaign',
        campaignId: row.ref!,
        storeId: row.storeId,
        startsAt: row.startsAt!,
        endsAt: row.endsAt!,
        unitPriceInclVat,
      };
  }
}

/**
 * Resolves each SKU's unit price and VAT rate, in the order given. `not_found` names an unknown
 * SKU, store or customer, or a SKU without any price; `invalid_state` a day without a VAT rate.
 */
export async function resolvePrices(ctx: AppContext, input: ResolveInput): Promise<ResolvedPrice[]> {
  const skuIds = [...new Set(input.skuIds)];
  const facts = new Map((await findSkuFacts(ctx.db, skuIds)).map((f) => [f.skuId, f]));
  const unknownSku = skuIds.find((id) => !facts.has(id));
  if (unknownSku) throw notFound('SKU', unknownSku, 'skuId');

  const company = await findCompanyFacts(ctx.db);
  let where = { country: company.country, timeZone: company.timeZone, storeId: null as string | null };
  if (input.storeId) {
    const shop = (await listStoreRows(ctx.db)).find((s) => s.id === input.storeId);
    if (!shop) throw notFound('store', input.storeId, 'storeId');
    where = { country: shop.country, timeZone: shop.timeZone, storeId: shop.id };
  }
  let priceListId: string | null = null;
  if (input.customerId) {
    const customer = await findCustomerPricing(ctx.db, input.customerId);
    if (!customer) throw notFound('customer', input.customerId, 'customerId');
    priceListId = customer.priceListId;
  }

  const candidates = await listCandidateRows(ctx.db, {
    companyId: company.id,
    skuIds,
    priceListId,
    storeId: where.storeId,
    at: input.at,
    basePriceListId: input.basePriceListId ?? null,
  });
  const baseCurrency = candidates.find((r) => r.source === 'retail')?.currency;
  const rows = input.basePriceListId ? candidates.filter((r) => r.currency === baseCurrency) : candidates;
  const overrides = await listTaxOverrideRows(
    ctx.db,
    [...new Set([...facts.values()].map((f) => f.productId))],
    where.country,
  );
  const taxClassOf = (skuId: string) => {
    const sku = facts.get(skuId)!;
    return taxClassIn(
      where.country,
      sku.taxClass,
      overrides.filter((o) => o.productId === sku.productId),
    );
  };
  const rates = await listVatRateRows(ctx.db, {
    country: where.country,
    taxClasses: [...new Set(skuIds.map(taxClassOf))],
  });

  const context = { at: input.at, storeId: where.storeId, customerPriceListId: priceListId };
  return input.skuIds.map((skuId) => {
    const price = resolveUnitPrice(rows.filter((r) => r.skuId === skuId).map(toCandidate), context);
    if (!price) throw notFound('price for SKU', skuId, 'skuId');
    const taxClass = taxClassOf(skuId);
    const vat = vatRateInForce(rates, {
      country: where.country,
      taxClass,
      at: input.at,
      timeZone: where.timeZone,
    });
    if (!vat) {
      throw new DomainError('invalid_state', `No VAT rate for ${taxClass} in ${where.country} on that day.`, [
        { field: 'at', message: `No ${where.country} VAT rate for ${taxClass}` },
      ]);
    }
    return {
      skuId,
      unitPriceInclVat: price.unitPriceInclVat,
      source: price.source,
      campaignId: price.campaignId ?? null,
      regularUnitPriceInclVat: price.regularUnitPriceInclVat,
      regularSource: price.regularSource,
      vatRateBp: vat.rateBp,
      taxClass,
      country: where.country,
      at: input.at.toISOString(),
    };
  });
}

/** One SKU's price for `GET /api/prices/resolve`; `at` defaults to now. */
export async function resolvePrice(ctx: AppContext, query: ResolvePriceQuery): Promise<ResolvedPrice> {
  const [resolved] = await resolvePrices(ctx, {
    skuIds: [query.skuId],
    storeId: query.storeId,
    customerId: query.customerId,
    at: query.at ? new Date(query.at) : ctx.clock(),
  });
  return resolved!;
}
