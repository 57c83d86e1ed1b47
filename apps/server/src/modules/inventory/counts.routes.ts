// /api/stock/counts: count sheets per location; differences are booked when a sheet is completed.
import {
  EnterCountsBody,
  OpenStockCountBody,
  page,
  StockCount,
  StockCountListQuery,
  VersionBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import {
  cancelStockCount,
  completeStockCount,
  enterCounts,
  getStockCount,
  listStockCounts,
  openStockCount,
} from './counts.service';
import { STOCK_FLOOR_WORK, STOCK_MANAGE, STOCK_PROBLEMS, STOCK_READ, stockActor } from './inventory.access';

const tags = ['inventory'];
const params = z.strictObject({ id: z.string().max(100) });
const response = { 200: StockCount, ...STOCK_PROBLEMS };

export function registerStockCountRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/stock/counts', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'Count sheets, newest first',
      querystring: StockCountListQuery,
      response: { 200: page(StockCount), ...STOCK_PROBLEMS },
    },
    handler: async (request) => listStockCounts(ctx, request.query),
  });
  r.get('/api/stock/counts/:id', {
    config: { access: STOCK_READ },
    schema: { tags, summary: 'One count sheet with expected, counted and differences', params, response },
    handler: async (request) => getStockCount(ctx, request.params.id),
  });
  r.post('/api/stock/counts', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary: 'Open a count sheet at a location; it snapshots expected on-hand (cashiers: own store)',
      body: OpenStockCountBody,
      response: { 201: StockCount, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await openStockCount(ctx, stockActor(request), request.body)),
  });
  r.put('/api/stock/counts/:id/lines', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary: 'Enter counted quantities (cashiers: own store); a stale version is refused with 409',
      params,
      body: EnterCountsBody,
      response,
    },
    handler: async (request) => enterCounts(ctx, stockActor(request), request.params.id, request.body),
  });
  r.post('/api/stock/counts/:id/complete', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Complete the count: every difference becomes a count movement, in one step',
      params,
      body: VersionBody,
      response,
    },
    handler: async (request) =>
      completeStockCount(ctx, stockActor(request), request.params.id, request.body.version),
  });
  r.post('/api/stock/counts/:id/cancel', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Drop an open count sheet; nothing is booked',
      params,
      body: VersionBody,
      response,
    },
    handler: async (request) =>
      cancelStockCount(ctx, stockActor(request), request.params.id, request.body.version),
  });
}
