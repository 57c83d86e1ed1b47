// The register's setup snapshot (what it caches to sell offline) and its settings.
import type { RegisterSettings, RegisterSetup, UpdateRegisterSettingsBody } from '@handla/api';
import type { AppContext } from '../../context';
import { findSkuPromotionFacts } from '../catalog/catalog.lookups';
import { resolvePrices } from '../pricing/pricing.resolve.service';
import { listStoreRows } from '../stores/stores.store';
import type { RegisterRow } from './devices.store';
import * as store from './devices.store';
import { findJournalHead, findLastZ } from './journal.store';
import { REGISTER_DISCOUNT_LIMITS } from './receipt-checks';
import { findLastReceiptNumber } from './receipts.store';
import { findCompany, listSellableSkus } from './setup.lookups';

// The first SKUs in catalog order become quick buttons until the back office can choose them.
const QUICK_BUTTONS = 8;

/** Everything the register needs offline: store, company, settings, priced catalog, cashiers, journal head. */
export async function getRegisterSetup(ctx: AppContext, register: RegisterRow): Promise<RegisterSetup> {
  const now = ctx.clock();
  const [storeRow] = (await listStoreRows(ctx.db)).filter((s) => s.id === register.storeId);
  const skus = await listSellableSkus(ctx.db);
  const prices = await resolvePrices(ctx, {
    skuIds: skus.map((s) => s.skuId),
    storeId: register.storeId,
    at: now,
  });
  // What the promotion rules match on, so the register prices baskets like the server, offline too.
  const facts = new Map(
    (
      await findSkuPromotionFacts(
        ctx.db,
        skus.map((s) => s.skuId),
      )
    ).map((f) => [f.skuId, f]),
  );
  const items = skus.map((sku, i) => {
    const price = prices[i]!;
    const fact = facts.get(sku.skuId);
    return {
      ...sku,
      categoryIds: fact?.categoryIds ?? [],
      brand: fact?.brand ?? null,
      unitPriceInclVat: price.unitPriceInclVat.amount,
      regularUnitPriceInclVat: price.regularUnitPriceInclVat.amount,
      campaignId: price.campaignId,
      vatRateBp: price.vatRateBp,
      taxClass: price.taxClass,
    };
  });
  const cashiers = await store.listCashiersOfStore(ctx.db, register.storeId);
  const head = await findJournalHead(ctx.db, register.id);
  return {
    register: { id: register.id, code: register.code, name: register.name, storeId: register.storeId },
    store: storeRow!,
    company: await findCompany(ctx.db, register.companyId),
    settings: await store.findSettings(ctx.db, register.id),
    catalog: { pricedAt: now.toISOString(), items },
    quickButtons: items
      .filter((i) => !i.ean)
      .concat(items.filter((i) => i.ean))
      .slice(0, QUICK_BUTTONS)
      .map((i) => ({ skuId: i.skuId, label: i.name.sv })),
    cashiers: cashiers.map(({ staffId, staffNumber, name, role, pinHash }) => ({
      staffId,
      staffNumber,
      name,
      role,
      pinHash,
    })),
    discountLimits: REGISTER_DISCOUNT_LIMITS,
    journalHead: {
      sequence: head?.sequence ?? 0,
      hash: head?.hash ?? '',
      receiptNumber: await findLastReceiptNumber(ctx.db, register.id),
    },
    lastZ: await lastZOf(ctx, register.id),
  };
}

/** The register's settings. */
export function getRegisterSettings(ctx: AppContext, registerId: string): Promise<RegisterSettings> {
  return store.findSettings(ctx.db, registerId);
}

/** Replaces the register's settings. */
export async function updateRegisterSettings(
  ctx: AppContext,
  registerId: string,
  input: UpdateRegisterSettingsBody,
): Promise<RegisterSettings> {
  await store.saveSettings(ctx.db, registerId, input, ctx.clock());
  return store.findSettings(ctx.db, registerId);
}

// The last Z as the register needs it offline; a Z without grand totals (never written by our
// registers) counts as none, so the register falls back to asking the server.
async function lastZOf(ctx: AppContext, registerId: string): Promise<RegisterSetup['lastZ']> {
  const z = await findLastZ(ctx.db, registerId);
  const totals = z?.grandTotals as { sales?: unknown; returns?: unknown; net?: unknown } | undefined;
  if (
    !z ||
    typeof totals?.sales !== 'number' ||
    typeof totals.returns !== 'number' ||
    typeof totals.net !== 'number'
  ) {
    return null;
  }
  return {
    sequence: z.sequence,
    number: z.number,
    grandTotals: { sales: totals.sales, returns: totals.returns, net: totals.net },
  };
}
