// The projection (stock_levels) always equals the ledger (stock_movements) and the active
// reservations, whatever random mix of operations ran, some of them concurrently.
import { DomainError } from '@handla/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeStockCount, enterCounts, openStockCount } from './counts.service';
import {
  createInventoryFixture,
  type InventoryFixture,
  MANAGER,
  projectionMismatches,
} from './inventory.fixture';
import { adjustStock, receiveStock, recordSale, returnStock } from './inventory.service';
import { consumeReservation, releaseReservation, reserveStock } from './reservations.service';
import { createTransfer, receiveTransfer, sendTransfer } from './transfers.service';

let f: InventoryFixture;
let skus: string[];
let locations: string[];
beforeAll(async () => {
  f = await createInventoryFixture();
  const a = await f.newSku({ 'STHLM-BUTIK': 5, CENTRAL: 5 });
  const b = await f.newSku({ 'STHLM-BUTIK': 2 });
  const bundle = await f.newBundle([
    { skuId: a, quantity: 1 },
    { skuId: b, quantity: 2 },
  ]);
  skus = [a, b, bundle];
  locations = [f.location('STHLM-BUTIK'), f.location('CENTRAL')];
});
afterAll(() => f.db.close());

// Refusals a random sequence may legitimately run into; anything else fails the property.
const EXPECTED_REFUSALS = new Set([
  'duplicate',
  'insufficient_stock',
  'invalid_state',
  'not_found',
  'conflict',
  'version_conflict',
]);

const sku = fc.integer({ min: 0, max: 2 });
const stocked = fc.integer({ min: 0, max: 1 });
const loc = fc.integer({ min: 0, max: 1 });
const qty = fc.integer({ min: 1, max: 6 });
const op = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), sku: stocked, loc, qty }),
  fc.record({ kind: fc.constant('sell' as const), sku, loc, qty }),
  fc.record({ kind: fc.constant('return' as const), sku, loc, qty }),
  fc.record({ kind: fc.constant('adjust' as const), sku: stocked, loc, qty, isDown: fc.boolean() }),
  fc.record({ kind: fc.constant('reserve' as const), sku, loc, qty, id: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('release' as const), id: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('consume' as const), id: fc.integer({ min: 0, max: 30 }) }),
  fc.record({
    kind: fc.constant('transfer' as const),
    sku: stocked,
    loc,
    qty,
    lost: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    kind: fc.constant('count' as const),
    sku: stocked,
    loc,
    counted: fc.integer({ min: 0, max: 9 }),
  }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

let run = 0;
async function perform(o: Op): Promise<void> {
  const { ctx } = f;
  const reservationId = (id: number) => `prop-${run}-${id}`;
  switch (o.kind) {
    case 'receive':
      return void (await receiveStock(ctx, MANAGER, {
        skuId: skus[o.sku]!,
        locationId: locations[o.loc]!,
        quantity: o.qty,
      }));
    case 'sell':
      return void (await recordSale(ctx, MANAGER, {
        skuId: skus[o.sku]!,
        locationId: locations[o.loc]!,
        quantity: o.qty,
      }));
    case 'return':
      return void (await returnStock(ctx, MANAGER, {
        skuId: skus[o.sku]!,
        locationId: locations[o.loc]!,
        quantity: o.qty,
      }));
    case 'adjust':
      return void (await adjustStock(ctx, MANAGER, {
        skuId: skus[o.sku]!,
        locationId: locations[o.loc]!,
        quantity: o.isDown ? -o.qty : o.qty,
        reason: 'Property test',
      }));
    case 'reserve':
      return void (await reserveStock(ctx, MANAGER, {
        reservationId: reservationId(o.id),
        skuId: skus[o.sku]!,
        locationId: locations[o.loc]!,
        quantity: o.qty,
      }));
    case 'release':
      return void (await releaseReservation(ctx, MANAGER, reservationId(o.id)));
    case 'consume':
      return void (await consumeReservation(ctx, MANAGER, reservationId(o.id)));
    case 'transfer': {
      const draft = await createTransfer(ctx, MANAGER, {
        fromLocationId: locations[o.loc]!,
        toLocationId: locations[1 - o.loc]!,
        lines: [{ skuId: skus[o.sku]!, quantity: o.qty }],
      });
      const sent = await sendTransfer(ctx, MANAGER, draft.id, draft.version);
      await receiveTransfer(ctx, MANAGER, sent.id, {
        version: sent.version,
        lines: [{ skuId: skus[o.sku]!, receivedQuantity: Math.max(0, o.qty - o.lost) }],
      });
      return;
    }
    case 'count': {
      const sheet = await openStockCount(ctx, MANAGER, {
        locationId: locations[o.loc]!,
        skuIds: [skus[o.sku]!],
      });
      const entered = await enterCounts(ctx, MANAGER, sheet.id, {
        version: sheet.version,
        lines: [{ skuId: skus[o.sku]!, countedQuantity: o.counted }],
      });
      await completeStockCount(ctx, MANAGER, entered.id, entered.version);
      return;
    }
  }
}

describe('the stock projection', () => {
  it('equals the ledger and the active reservations after any mix of operations', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        async (batches) => {
          run += 1;
          for (const batch of batches) {
            // Each batch runs concurrently, so the operations also interleave.
            const outcomes = await Promise.allSettled(batch.map(perform));
            for (const outcome of outcomes) {
              if (outcome.status === 'fulfilled') continue;
              const error = outcome.reason;
              if (!(error instanceof DomainError) || !EXPECTED_REFUSALS.has(error.code)) throw error;
            }
          }
          expect(await projectionMismatches(f.db)).toEqual([]);
          const negative = await f.db.query('select * from stock_levels where reserved < 0');
          expect(negative).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });
});
