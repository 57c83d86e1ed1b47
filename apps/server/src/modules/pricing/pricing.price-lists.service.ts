// Price lists: one retail list per company, and B2B lists that customers are assigned to.
import type { CreatePriceListBody, PriceList, UpdatePriceListBody } from '@handla/api';
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { emitEvent } from '../../outbox/emit';
import * as store from './pricing.price-lists.store';
import {
  checkVersion,
  decodeCursor,
  encodeCursor,
  findCompanyFacts,
  isViolation,
  notFound,
  raceLost,
} from './pricing.shared';

/** One page of the company's price lists, by code. */
export async function listPriceLists(ctx: AppContext, query: { limit: number; cursor?: string }) {
  const company = await findCompanyFacts(ctx.db);
  const [afterCode] = query.cursor ? decodeCursor(query.cursor, 1) : [];
  const rows = await store.listPriceListRows(ctx.db, company.id, afterCode, query.limit + 1);
  const pageRows = rows.slice(0, query.limit);
  return {
    items: pageRows.map(store.toPriceList),
    nextCursor: rows.length > query.limit ? encodeCursor([pageRows.at(-1)!.code]) : null,
  };
}

/** One price list by id. */
export async function getPriceList(ctx: AppContext, id: string): Promise<PriceList> {
  const row = await store.findPriceListRow(ctx.db, id);
  if (!row) throw notFound('price list', id, 'id');
  return store.toPriceList(row);
}

function duplicateError(error: unknown): DomainError | undefined {
  if (isViolation(error, '23505', 'price_lists_code_key')) {
    return new DomainError('duplicate', 'Another price list has that code.', [
      { field: 'code', message: 'Already in use' },
    ]);
  }
  if (isViolation(error, '23505', 'price_lists_one_retail_idx')) {
    return new DomainError('duplicate', 'The company already has its retail list.', [
      { field: 'kind', message: 'Only one retail list' },
    ]);
  }
  return undefined;
}

/** Creates a list; `duplicate` (409) for a code in use or a second retail list. */
export async function createPriceList(ctx: AppContext, input: CreatePriceListBody): Promise<PriceList> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const company = await findCompanyFacts(tx);
    const row = await store
      .insertPriceListRow(
        tx,
        { ...input, id: ctx.newId('prl'), companyId: company.id, isRetail: input.kind === 'retail' },
        now,
      )
      .catch((error: unknown) => {
        throw duplicateError(error) ?? error;
      });
    const created = store.toPriceList(row);
    await emitEvent(
      tx,
      {
        type: 'price_list.created',
        aggregateType: 'price_list',
        aggregateId: created.id,
        data: { code: created.code, name: created.name, currency: created.currency, kind: created.kind },
      },
      now,
    );
    return created;
  });
}

/** Renames a list or changes its code, at the version the caller read. */
export async function updatePriceList(
  ctx: AppContext,
  id: string,
  input: UpdatePriceListBody,
): Promise<PriceList> {
  const now = ctx.clock();
  return ctx.db.transaction(async (tx) => {
    const current = await store.findPriceListRow(tx, id);
    if (!current) throw notFound('price list', id, 'id');
    checkVersion(current, input.version, 'price list');
    const row = await store
      .updatePriceListRow(tx, id, { code: input.code, name: input.name }, input.version, now)
      .catch((error: unknown) => {
        throw duplicateError(error) ?? error;
      });
    if (!row) throw raceLost('price list');
    const updated = store.toPriceList(row);
    await emitEvent(
      tx,
      {
        type: 'price_list.updated',
        aggregateType: 'price_list',
        aggregateId: id,
        data: { code: updated.code, name: updated.name, version: updated.version },
      },
      now,
    );
    return updated;
  });
}
