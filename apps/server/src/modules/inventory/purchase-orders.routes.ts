// /api/suppliers and /api/purchase-orders: ordering from suppliers and receiving deliveries.
import {
  CreatePurchaseOrderBody,
  CreateSupplierBody,
  PurchaseOrder,
  PurchaseOrderListQuery,
  page,
  ReceivePurchaseOrderBody,
  Supplier,
  UpdatePurchaseOrderBody,
  VersionBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { STOCK_FLOOR_WORK, STOCK_MANAGE, STOCK_PROBLEMS, STOCK_READ, stockActor } from './inventory.access';
import {
  closePurchaseOrder,
  createPurchaseOrder,
  createSupplier,
  getPurchaseOrder,
  listPurchaseOrders,
  listSuppliers,
  receivePurchaseOrder,
  updatePurchaseOrder,
} from './purchase-orders.service';

const tags = ['inventory'];
const params = z.strictObject({ id: z.string().max(100) });
const response = { 200: PurchaseOrder, ...STOCK_PROBLEMS };

export function registerPurchaseOrderRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/suppliers', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'Suppliers, by name',
      response: { 200: z.object({ items: z.array(Supplier) }) },
    },
    handler: async () => ({ items: await listSuppliers(ctx) }),
  });
  r.post('/api/suppliers', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Register a supplier',
      body: CreateSupplierBody,
      response: { 201: Supplier, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) => reply.status(201).send(await createSupplier(ctx, request.body)),
  });
  r.get('/api/purchase-orders', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'Purchase orders, newest first; filter by status, supplier and location',
      querystring: PurchaseOrderListQuery,
      response: { 200: page(PurchaseOrder), ...STOCK_PROBLEMS },
    },
    handler: async (request) => listPurchaseOrders(ctx, request.query),
  });
  r.get('/api/purchase-orders/:id', {
    config: { access: STOCK_READ },
    schema: { tags, summary: 'One purchase order with lines and deviations', params, response },
    handler: async (request) => getPurchaseOrder(ctx, request.params.id),
  });
  r.post('/api/purchase-orders', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Order goods from a supplier with an expected delivery date',
      body: CreatePurchaseOrderBody,
      response: { 201: PurchaseOrder, ...STOCK_PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createPurchaseOrder(ctx, stockActor(request), request.body)),
  });
  r.put('/api/purchase-orders/:id', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Change the expected date or note (lines only before anything arrived); stale version → 409',
      params,
      body: UpdatePurchaseOrderBody,
      response,
    },
    handler: async (request) =>
      updatePurchaseOrder(ctx, stockActor(request), request.params.id, request.body),
  });
  r.post('/api/purchase-orders/:id/receipts', {
    config: { access: STOCK_FLOOR_WORK },
    schema: {
      tags,
      summary:
        'Receive a delivery: receive movements, over/under-delivery recorded as deviations (cashiers: own store)',
      params,
      body: ReceivePurchaseOrderBody,
      response,
    },
    handler: async (request) =>
      receivePurchaseOrder(ctx, stockActor(request), request.params.id, request.body),
  });
  r.post('/api/purchase-orders/:id/close', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: 'Close the order for good; what a partly delivered order lacks becomes under-delivery',
      params,
      body: VersionBody,
      response,
    },
    handler: async (request) =>
      closePurchaseOrder(ctx, stockActor(request), request.params.id, request.body.version),
  });
}
