// Which unit price a SKU sells at, for a store, a customer and an instant. The order is written
// down once here and in docs/pricing.md; the server and the offline register both call this.
//
// 1. The base price, most specific first:
//    a. the customer's B2B list price, when the customer has a list and it prices the SKU —
//       a negotiated contract applies in every store and channel;
//    b. else the store's override for the SKU — a local retail price (rent, competition);
//    c. else the retail list price.
// 2. A campaign may undercut the base. Only campaigns active at the instant (startsAt ≤ at < endsAt)
//    for this store or for every store count; when the store has its own active campaign price
//    for the SKU, company-wide campaigns are ignored, because the store chose its local deal on
//    purpose. Among the remaining, the lowest price wins (ties: the latest start, then the
//    smallest id). It applies only when strictly lower than the base and in the base's currency:
//    a campaign never raises a price, and never makes a B2B contract price worse.
import type { Money } from '../money/money';

/** Where a resolved price came from. */
export type PriceSource = 'retail' | 'store_override' | 'customer_list' | 'campaign';

/** One price that might apply to a SKU; `resolveUnitPrice` picks among them. */
export type PriceCandidate =
  | { readonly source: 'retail'; readonly unitPriceInclVat: Money }
  | { readonly source: 'store_override'; readonly storeId: string; readonly unitPriceInclVat: Money }
  | { readonly source: 'customer_list'; readonly priceListId: string; readonly unitPriceInclVat: Money }
  | {
      readonly source: 'campaign';
      readonly campaignId: string;
      /** null = every store. */
      readonly storeId: string | null;
      readonly startsAt: Date;
      /** The first instant it no longer applies (planned end, or when it was ended early). */
      readonly endsAt: Date;
      readonly unitPriceInclVat: Money;
    };

/** Who buys where and when. */
export interface PriceContext {
  readonly at: Date;
  /** The store selling; null for the web shop and other channels without a store. */
  readonly storeId: string | null;
  /** The buying customer's B2B price list; null for walk-in and retail customers. */
  readonly customerPriceListId: string | null;
}

/** The price that applies, where it came from, and the base it replaced when a campaign won. */
export interface ResolvedPrice {
  readonly unitPriceInclVat: Money;
  readonly source: PriceSource;
  /** Set when `source` is 'campaign'. */
  readonly campaignId?: string;
  /** The price without any campaign (step 1); equal to `unitPriceInclVat` unless a campaign won. */
  readonly regularUnitPriceInclVat: Money;
  readonly regularSource: Exclude<PriceSource, 'campaign'>;
}

type Campaign = Extract<PriceCandidate, { source: 'campaign' }>;

/** True when a campaign candidate applies at `at`: the interval is [startsAt, endsAt). */
export function isCampaignActive(campaign: Pick<Campaign, 'startsAt' | 'endsAt'>, at: Date): boolean {
  return campaign.startsAt.getTime() <= at.getTime() && at.getTime() < campaign.endsAt.getTime();
}

function lowest<T extends PriceCandidate>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of candidates) if (!best || c.unitPriceInclVat.amount < best.unitPriceInclVat.amount) best = c;
  return best;
}

type Base = Exclude<PriceCandidate, Campaign>;

function baseCandidate(candidates: readonly PriceCandidate[], context: PriceContext): Base | undefined {
  const customer = lowest(
    candidates.filter(
      (c): c is Extract<Base, { source: 'customer_list' }> =>
        c.source === 'customer_list' && c.priceListId === context.customerPriceListId,
    ),
  );
  const store = lowest(
    candidates.filter(
      (c): c is Extract<Base, { source: 'store_override' }> =>
        c.source === 'store_override' && c.storeId === context.storeId,
    ),
  );
  const retail = lowest(
    candidates.filter((c): c is Extract<Base, { source: 'retail' }> => c.source === 'retail'),
  );
  return customer ?? store ?? retail;
}

function bestCampaign(candidates: readonly PriceCandidate[], context: PriceContext, currency: string) {
  const active = candidates.filter(
    (c): c is Campaign =>
      c.source === 'campaign' &&
      isCampaignActive(c, context.at) &&
      (c.storeId === null || c.storeId === context.storeId),
  );
  const ownStore = active.filter((c) => c.storeId !== null);
  const pool = (ownStore.length > 0 ? ownStore : active).filter(
    (c) => c.unitPriceInclVat.currency === currency,
  );
  return [...pool].sort(
    (a, b) =>
      a.unitPriceInclVat.amount - b.unitPriceInclVat.amount ||
      b.startsAt.getTime() - a.startsAt.getTime() ||
      (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0),
  )[0];
}

/**
 * Resolves the unit price of one SKU from its candidate prices by the order documented at the top
 * of this file; null when nothing prices the SKU for this context (no base price at all).
 */
export function resolveUnitPrice(
  candidates: readonly PriceCandidate[],
  context: PriceContext,
): ResolvedPrice | null {
  const base = baseCandidate(candidates, context);
  if (!base) return null;
  const regular = {
    regularUnitPriceInclVat: base.unitPriceInclVat,
    regularSource: base.source,
  };
  const campaign = bestCampaign(candidates, context, base.unitPriceInclVat.currency);
  if (campaign && campaign.unitPriceInclVat.amount < base.unitPriceInclVat.amount) {
    return {
      unitPriceInclVat: campaign.unitPriceInclVat,
      source: 'campaign',
      campaignId: campaign.campaignId,
      ...regular,
    };
  }
  return { unitPriceInclVat: base.unitPriceInclVat, source: base.source, ...regular };
}
