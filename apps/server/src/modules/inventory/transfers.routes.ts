// /api/stock/transfers: plan (draft), send (in transit) and receive transfers between locations.
import {
  CreateTransferBody,
  page,
  ReceiveTransferBody,
  StockTransfer,
  TransferListQuery,
  UpdateTransferBody,
  VersionBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { STOCK_FLOOR_WORK, STOCK_MANAGE, STOCK_PROBLEMS, STOCK_READ, stockActor } from './inventory.access';
import {
  cancelTransfer,
  createTransfer,
  getTransfer,
  listTransfers,
  receiveTransfer,
  sendTransfer,
  updateTransfer,
} from './transfers.service';

const tags = ['inventory'];
const params = z.strictObject({ id: z.string().max(100) });
const response = { 200: StockTransfer, ...STOCK_PROBLEMS };

export function registerTransferRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/stock/transfers', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'Transfers, newest first; filter by status and locations',
      querystring: TransferListQuery,
      response: { 200: page(StockTransfer), ...STOCK_PROBLEMS },
    },
    handler: async (request) => listTransfers(ctx, request.query),
  });
  r.get('/api/stock/transfers/:id', {
    config: { access: STOCK_READ },
    schema: { tags, summary: 'One transfer with its lines and differences', params, response },
    handler: async (request) => getTransfer(ctx, request.params.id),
  });
  r.post('/api/stock/transfers', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Plan a transfer as a draft; no stock moves until it is sent',
      body: CreateTransferBody,
      response: { 201: StockTransfer, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createTransfer(ctx, stockActor(request), request.body)),
  });
  r.put('/api/stock/transfers/:id', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Edit a draft (note, lines); a stale version is refused with 409',
      params,
      body: UpdateTransferBody,
      response,
    },
    handler: async (request) => updateTransfer(ctx, stockActor(request), request.params.id, request.body),
  });
  r.post('/api/stock/transfers/:id/send', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Send a draft: transfer_out at the source; the goods are in transit',
      params,
      body: VersionBody,
      response,
    },
    handler: async (request) =>
      sendTransfer(ctx, stockActor(request), request.params.id, request.body.version),
  });
  r.post('/api/stock/transfers/:id/receive', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary:
        'Receive a sent transfer: transfer_in for what arrived; differences are recorded (cashiers: own store)',
      params,
      body: ReceiveTransferBody,
      response,
    },
    handler: async (request) => receiveTransfer(ctx, stockActor(request), request.params.id, request.body),
  });
  r.post('/api/stock/transfers/:id/cancel', {
    config: { access: STOCK_MANAGE },
    schema: { tags, summary: 'Drop a draft transfer', params, body: VersionBody, response },
    handler: async (request) =>
      cancelTransfer(ctx, stockActor(request), request.params.id, request.body.version),
  });
}
