// The `erp.daily_sales` job: once a day is over and the connection's send time has come, each
// store's day (and the web shop's) goes to the ERP — sales per VAT rate and payments per method,
// from the same figures the SIE export books. The last week is looked at again each day, so
// receipts an offline register synced late make a new version of their day.
import type { AppContext } from '../../context';
import { registerDayFigures, webDayFigures } from '../accounting/day-figures';
import { queueStates } from './erp.fanout';
import type { EntityState } from './erp.payloads';
import {
  type DailySalesDocument,
  dailySalesDocument,
  dailySalesDueThrough,
  dailySalesEntityId,
  daysToCheck,
} from './erp.rules';
import * as store from './erp.store';

/** The documents of the days `from`–`to`, read in one snapshot (as the SIE export reads them). */
async function readDailySales(ctx: AppContext, companyId: string, from: string, to: string) {
  return ctx.db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const { currency } = await store.findCompanySettings(tx, companyId);
    const documents: EntityState<DailySalesDocument>[] = [];
    for (const day of await registerDayFigures(tx, companyId, from, to)) {
      const where = {
        channel: 'register' as const,
        storeId: day.storeId,
        storeName: day.storeName,
        currency,
      };
      documents.push({
        id: dailySalesEntityId(day.storeId, day.date),
        companyId,
        state: dailySalesDocument(day, where),
      });
    }
    for (const day of await webDayFigures(tx, companyId, from, to)) {
      const where = { channel: 'web' as const, storeId: null, storeName: null, currency };
      documents.push({
        id: dailySalesEntityId(null, day.date),
        companyId,
        state: dailySalesDocument(day, where),
      });
    }
    return documents;
  });
}

/** Queues the days that are due for every connection; returns how many messages were queued. */
export async function queueDueDailySales(ctx: AppContext, now: Date): Promise<number> {
  let made = 0;
  for (const connection of await store.listEnabledConnections(ctx.db)) {
    if (!connection.flows.includes('daily_sales')) continue;
    const { timeZone } = await store.findCompanySettings(ctx.db, connection.companyId);
    const dueThrough = dailySalesDueThrough(now, connection.dailySalesAt, timeZone);
    const days = daysToCheck(connection.dailySalesThrough, dueThrough);
    if (days.length === 0) continue;
    const documents = await readDailySales(ctx, connection.companyId, days[0]!, dueThrough);
    made += await ctx.db.transaction(async (tx) => {
      // Another process may have done these days meanwhile: the lock and the re-check settle it.
      const locked = await store.lockConnection(tx, connection.companyId);
      if (!locked || daysToCheck(locked.dailySalesThrough, dueThrough).length === 0) return 0;
      const queued = await queueStates(tx, ctx, connection.companyId, 'daily_sales', documents, now);
      await store.markDailySalesThrough(tx, connection.companyId, dueThrough);
      return queued;
    });
  }
  return made;
}
