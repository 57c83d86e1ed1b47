// VAT reference data: tax classes, rate periods per country × class, and products' per-country
// tax-class overrides. Rate periods never overlap, and the past of a period is never rewritten:
// receipts already issued were computed with it.
import type {
  CreateVatRateBody,
  SetTaxOverrideBody,
  TaxClass,
  TaxOverride,
  UpdateVatRateBody,
  VatRate,
  VatRateQuery,
} from '@handla/api';
import { assertVatPeriodFits, DomainError, localDateIn } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import { checkVersion, findCompanyFacts, isViolation, notFound, raceLost } from './pricing.shared';
import * as store from './pricing.vat.store';

/** Every tax class. */
export async function listTaxClasses(ctx: AppContext): Promise<TaxClass[]> {
  return store.listTaxClasses(ctx.db);
}

/** Rate periods, optionally of one country and/or class, oldest first per class. */
export async function listVatRates(ctx: AppContext, query: VatRateQuery): Promise<VatRate[]> {
  return store.listVatRateRows(ctx.db, {
    country: query.country,
    taxClasses: query.taxClass ? [query.taxClass] : undefined,
  });
}

async function assertTaxClass(q: Queryable, code: string): Promise<void> {
  if (!(await store.taxClassExists(q, code))) {
    throw new DomainError('validation_failed', `No tax class ${code}.`, [
      { field: 'taxClass', message: 'Unknown tax class' },
    ]);
  }
}

const rateId = (r: { country: string; taxClass: string; validFrom: string }) =>
  `${r.country}:${r.taxClass}:${r.validFrom}`;

/** Adds a rate period; `conflict` (409) when it shares a day with another of its country × class. */
export async function addVatRate(ctx: AppContext, input: CreateVatRateBody): Promise<VatRate> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await store.lockVatRates(tx);
    await assertTaxClass(tx, input.taxClass);
    const existing = await store.listVatRateRows(tx, {
      country: input.country,
      taxClasses: [input.taxClass],
    });
    assertVatPeriodFits(existing, input);
    const created = await store.insertVatRateRow(tx, input);
    await emitEvent(
      tx,
      {
        type: 'vat_rate.added',
        aggregateType: 'vat_rate',
        aggregateId: rateId(created),
        data: { ...created },
      },
      now,
    );
    return created;
  });
}

/**
 * Moves the last day of a period, e.g. to end an open-ended rate before a new one starts. Only
 * today and later can change: a period that has ended, or an end before today, would alter the
 * VAT of sales already made.
 */
export async function updateVatRate(
  ctx: AppContext,
  key: { country: string; taxClass: string; validFrom: string },
  input: UpdateVatRateBody,
): Promise<VatRate> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await store.lockVatRates(tx);
    const periods = await store.listVatRateRows(tx, { country: key.country, taxClasses: [key.taxClass] });
    const current = periods.find((p) => p.validFrom === key.validFrom);
    if (!current) throw notFound('VAT rate period', rateId(key), 'validFrom');
    checkVersion(current, input.version, 'VAT rate period');
    const today = localDateIn(now, (await findCompanyFacts(tx)).timeZone);
    if (current.validTo !== null && current.validTo < today) {
      throw new DomainError('invalid_state', `This period ended on ${current.validTo}; its dates are final.`);
    }
    if (input.validTo !== null && input.validTo < today) {
      throw new DomainError('validation_failed', 'A period cannot end before today.', [
        { field: 'validTo', message: `Must be ${today} or later` },
      ]);
    }
    const changed = { ...current, validTo: input.validTo };
    assertVatPeriodFits(
      periods.filter((p) => p !== current),
      changed,
    );
    const updated = await store.updateVatRateEnd(tx, key, input.validTo, input.version);
    if (!updated) throw raceLost('VAT rate period');
    await emitEvent(
      tx,
      {
        type: 'vat_rate.updated',
        aggregateType: 'vat_rate',
        aggregateId: rateId(updated),
        data: { ...updated, previousValidTo: current.validTo },
      },
      now,
    );
    return updated;
  });
}

/** A product's overrides, one per country at most. */
export async function listTaxOverrides(ctx: AppContext, productId: string): Promise<TaxOverride[]> {
  return (await store.listTaxOverrideRows(ctx.db, [productId])).map(store.toTaxOverride);
}

/**
 * Sets the tax class a product sells under in one country. The class must have a rate there,
 * or every sale of the product in that country would fail for want of a VAT rate.
 */
export async function setTaxOverride(
  ctx: AppContext,
  key: { productId: string; country: string },
  input: SetTaxOverrideBody,
): Promise<TaxOverride> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    await assertTaxClass(tx, input.taxClass);
    const rates = await store.listVatRateRows(tx, { country: key.country, taxClasses: [input.taxClass] });
    if (rates.length === 0) {
      throw new DomainError('validation_failed', `${input.taxClass} has no VAT rate in ${key.country}.`, [
        { field: 'taxClass', message: `No VAT rate in ${key.country}` },
      ]);
    }
    const [current] = await store.listTaxOverrideRows(tx, [key.productId], key.country);
    checkVersion(current, input.version, 'tax override');
    const change = { ...key, taxClass: input.taxClass };
    let row: Awaited<ReturnType<typeof store.insertTaxOverride>>;
    try {
      row = current
        ? await store.updateTaxOverride(tx, change, input.version!, now)
        : await store.insertTaxOverride(tx, change, now);
    } catch (error) {
      if (isViolation(error, '23503', 'product_tax_overrides_product_id_fkey'))
        throw notFound('product', key.productId, 'productId');
      throw error;
    }
    if (!row) throw raceLost('tax override');
    await emitEvent(
      tx,
      {
        type: 'price.changed',
        aggregateType: 'product',
        aggregateId: key.productId,
        data: { change: 'tax_override_set', ...change, previousTaxClass: current?.taxClass ?? null },
      },
      now,
    );
    return store.toTaxOverride(row);
  });
}

/** Removes a product's override in one country; it sells under its own class there again. */
export async function removeTaxOverride(
  ctx: AppContext,
  key: { productId: string; country: string },
  version: number,
): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const [current] = await store.listTaxOverrideRows(tx, [key.productId], key.country);
    if (!current) throw notFound('tax override', `${key.productId}/${key.country}`, 'country');
    checkVersion(current, version, 'tax override');
    if (!(await store.deleteTaxOverride(tx, key, version))) throw raceLost('tax override');
    await emitEvent(
      tx,
      {
        type: 'price.changed',
        aggregateType: 'product',
        aggregateId: key.productId,
        data: { change: 'tax_override_removed', ...key, previousTaxClass: current.taxClass },
      },
      now,
    );
  });
}
