// The SIE 4 export of a month: 100,000 register receipts across 10 stores (generated with SQL, each
// with its journal entry, two VAT rates, cash with rounding or card), exported as one file of one
// voucher per store per day, read back through our reader to check every voucher balances.
import { type Database, seedDemoData } from '@handla/db';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { readSie } from '../../../apps/server/src/modules/accounting/sie/read';
import { exportSie } from '../../../apps/server/src/modules/accounting/sie-export.service';
import type { BenchResult } from '../results';
import { addBenchStoresAndRegisters } from './bench-stores';
import type { BenchSuite } from './suite';

const STORES = 10;
const RECEIPTS = 100_000;
const MONTH = { from: '2026-11-01', to: '2026-11-30', days: 30 };

/**
 * Receipts spread evenly over the registers and the month: lines of 25 % and 12 %, paid by card, or
 * in cash rounded to whole kronor (rounding in the computed receipt as the register makes it).
 */
async function insertReceipts(db: Database, registerIds: readonly string[]) {
  const perRegister = Math.ceil(RECEIPTS / registerIds.length);
  for (const registerId of registerIds) {
    await db.query(
      `insert into register_journal (register_id, sequence, kind, at, payload, previous_hash, hash, signature,
         device_id, recorded_at)
       select $1, n, 'receipt', '', '{}'::jsonb, '', '', '', 'dev_' || $1, now()
         from generate_series(1, $2::integer) n`,
      [registerId, perRegister],
    );
    await db.query(
      `with g as (
         select n, ($3::date + ((n - 1) * $4::integer / $2::integer) * interval '1 day'
                   + interval '9 hours' + (n % 600) * interval '1 minute') as at,
                10000 + (n * 137) % 90000 as a25, 5000 + (n * 71) % 20000 as a12, n % 3 = 0 as is_cash
           from generate_series(1, $2::integer) n),
       v as (
         select g.*, round(a25 * 0.2)::integer as v25, round(a12 * 12 / 112.0)::integer as v12,
                case when is_cash then round((a25 + a12) / 100.0)::integer * 100 - (a25 + a12) else 0 end as rnd
           from g)
       insert into receipts (id, register_id, store_id, number, kind, is_training, cashier_id, currency,
         total_incl_vat, vat_amount, rounding, control_code, control_unit_serial, computed, journal_sequence,
         command_id, occurred_at, created_at)
       select 'rct_' || $1 || '_' || n, $1, (select store_id from registers where id = $1), n, 'sale', false,
              (select id from staff_users where role = 'owner' limit 1), 'SEK', a25 + a12 + rnd, v25 + v12, rnd,
              'cc', 'serial',
              jsonb_build_object('vat', jsonb_build_object('byRate', jsonb_build_array(
                jsonb_build_object('vatRateBp', 2500, 'grossAmount', a25, 'netAmount', a25 - v25, 'vatAmount', v25),
                jsonb_build_object('vatRateBp', 1200, 'grossAmount', a12, 'netAmount', a12 - v12, 'vatAmount', v12))),
                'lines', '[]'::jsonb, 'roundingAmount', rnd),
              n, 'cmd_' || $1 || '_' || n, at, at
         from v`,
      [registerId, perRegister, MONTH.from, MONTH.days],
    );
    await db.query(
      `insert into receipt_payments (receipt_id, payment_no, method, amount)
       select id, 1, case when rounding <> 0 or number % 3 = 0 then 'cash' else 'card_terminal' end, total_incl_vat
         from receipts where register_id = $1`,
      [registerId],
    );
  }
}

export const sieSuite: BenchSuite = {
  figures: ['sie.export.seconds'],
  async run(target, wanted) {
    if (!wanted('sie.export.seconds')) return [];
    const db = await target.open();
    const results: BenchResult[] = [];
    try {
      const ctx: AppContext = createContext(db);
      await seedDemoData(db, { hashPassword: async (p) => `bench$${p}`, now: new Date(), newId: ctx.newId });
      const registers = await addBenchStoresAndRegisters(db, {
        stores: STORES,
        key: 'sie',
        storeName: 'Bänkbutik',
      });
      await insertReceipts(db, registers.slice(0, STORES));
      const [owner] = await db.query<{ id: string }>(
        `select id from staff_users where role = 'owner' limit 1`,
      );
      const started = performance.now();
      const file = await exportSie(ctx, { staffUserId: owner!.id, ...MONTH, programVersion: 'bench' });
      const seconds = (performance.now() - started) / 1000;
      // The figure only counts if the file is right: it reads back, every voucher balanced.
      const doc = readSie(file.bytes);
      if (doc.vouchers.length !== STORES * MONTH.days) {
        throw new Error(`expected ${STORES * MONTH.days} vouchers, got ${doc.vouchers.length}`);
      }
      console.log(
        `sie.export.seconds: ${seconds.toFixed(2)} s for ${RECEIPTS} receipts, ${doc.vouchers.length} vouchers (${target.db})`,
      );
      results.push({ name: 'sie.export.seconds', value: seconds, unit: 's', db: target.db });
    } finally {
      await db.close();
    }
    return results;
  },
};
