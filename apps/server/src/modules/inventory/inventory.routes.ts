// Routes of the inventory module: stock levels and movements, reservations, transfers, counts,
// purchase orders, replenishment.
import {
  AdjustStockBody,
  page,
  ReceiveStockBody,
  RecordSaleBody,
  ReserveStockBody,
  ReturnStockBody,
  SkuAvailability,
  SkuWhereabouts,
  StockChangeResult,
  StockLevel,
  StockLevelQuery,
  StockMovement,
  StockMovementQuery,
  StockReservation,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { registerLocationRoutes } from '../locations/locations.routes';
import { registerStockCountRoutes } from './counts.routes';
import { STOCK_FLOOR_WORK, STOCK_MANAGE, STOCK_PROBLEMS, STOCK_READ, stockActor } from './inventory.access';
import {
  adjustStock,
  listStockLevels,
  listStockMovements,
  receiveStock,
  recordSale,
  returnStock,
} from './inventory.service';
import { registerPurchaseOrderRoutes } from './purchase-orders.routes';
import { registerReplenishmentRoutes } from './replenishment.routes';
import { consumeReservation, getReservation, releaseReservation, reserveStock } from './reservations.service';
import { registerTransferRoutes } from './transfers.routes';
import { skuAvailability, whereIsSku } from './where.service';

const tags = ['inventory'];
const SkuParams = z.strictObject({ skuId: z.string().max(100) });
const IdParams = z.strictObject({ id: z.string().max(100) });

export function registerInventoryRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Locations are the inventory's places; registered here so the app's list of modules stays as it is.
  registerLocationRoutes(app, ctx);

  r.get('/api/stock/levels', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary:
        'Stock levels per SKU and location, filtered; countNeeded=true lists levels that went below zero',
      querystring: StockLevelQuery,
      response: { 200: page(StockLevel), ...STOCK_PROBLEMS },
    },
    handler: async (request) => listStockLevels(ctx, request.query),
  });
  r.get('/api/stock/movements', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'The stock ledger, newest first, for a SKU and/or a location',
      querystring: StockMovementQuery,
      response: { 200: page(StockMovement), ...STOCK_PROBLEMS },
    },
    handler: async (request) => listStockMovements(ctx, request.query),
  });
  r.get('/api/stock/skus/:skuId/locations', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary:
        'Where is this SKU? Every location with on-hand, reserved and available; bundles from components',
      params: SkuParams,
      response: { 200: SkuWhereabouts, ...STOCK_PROBLEMS },
    },
    handler: async (request) => whereIsSku(ctx, request.params.skuId),
  });
  r.get('/api/stock/skus/:skuId/availability', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'For the shop: available per store ("in stock in your store") and in warehouses',
      params: SkuParams,
      response: { 200: SkuAvailability, 404: STOCK_PROBLEMS[404] },
    },
    handler: async (request) => skuAvailability(ctx, request.params.skuId),
  });

  r.post('/api/stock/receipts', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary: 'Receive goods outside a purchase order (cashiers: at their own store)',
      body: ReceiveStockBody,
      response: { 201: StockChangeResult, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await receiveStock(ctx, stockActor(request), request.body)),
  });
  r.post('/api/stock/adjustments', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Correct on-hand by a signed quantity, with the reason',
      body: AdjustStockBody,
      response: { 201: StockChangeResult, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await adjustStock(ctx, stockActor(request), request.body)),
  });
  r.post('/api/stock/sales', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary:
        'Book a register sale: never refused; on-hand may go below zero and is then flagged for a count',
      body: RecordSaleBody,
      response: { 201: StockChangeResult, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordSale(ctx, stockActor(request), request.body)),
  });
  r.post('/api/stock/returns', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary: 'Book goods a customer returned to the shelf (cashiers: at their own store)',
      body: ReturnStockBody,
      response: { 201: StockChangeResult, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await returnStock(ctx, stockActor(request), request.body)),
  });

  r.post('/api/stock/reservations', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary:
        'Reserve stock atomically for an order; a repeat with the same reservationId returns the first result (200)',
      body: ReserveStockBody,
      response: { 200: StockReservation, 201: StockReservation, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) => {
      const { reservation, isNew } = await reserveStock(ctx, stockActor(request), request.body);
      return reply.status(isNew ? 201 : 200).send(reservation);
    },
  });
  r.get('/api/stock/reservations/:id', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'One reservation',
      params: IdParams,
      response: { 200: StockReservation, ...STOCK_PROBLEMS },
    },
    handler: async (request) => getReservation(ctx, request.params.id),
  });
  r.post('/api/stock/reservations/:id/release', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Give reserved stock back; releasing twice is harmless',
      params: IdParams,
      response: { 200: StockReservation, ...STOCK_PROBLEMS },
    },
    handler: async (request) => releaseReservation(ctx, stockActor(request), request.params.id),
  });
  r.post('/api/stock/reservations/:id/consume', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Turn a reservation into a sale (sell movements); consuming twice is harmless',
      params: IdParams,
      response: { 200: StockReservation, ...STOCK_PROBLEMS },
    },
    handler: async (request) => consumeReservation(ctx, stockActor(request), request.params.id),
  });

  registerTransferRoutes(app, ctx);
  registerStockCountRoutes(app, ctx);
  registerPurchaseOrderRoutes(app, ctx);
  registerReplenishmentRoutes(app, ctx);
}
