// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
import {
  AddOrderLineBody,
  AdminOrder,
  AdminOrderList,
  AdminOrderListQuery,
  ApiOrderBody,
  ChangeOrderLineBody,
  OrderTimeline,
  Problem,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type Access, ALL_STAFF, MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { orderStaff } from './orders.routes';
import { placeApiOrder } from './orders-admin.api-order';
import {
  addOrderLine,
  changeOrderLine,
  getAdminOrder,
  getOrderTimeline,
  listAdminOrders,
  removeOrderLine,
} from './orders-admin.service';

const tags = ['orders'];
// Cashiers see and edit their own store's orders; managers and the owner every store's.
const READ: Access = { staff: ALL_STAFF, apiKey: 'orders:read' };
const WRITE: Access = { staff: ALL_STAFF, apiKey: 'orders:write' };
const IdParams = z.strictObject({ id: z.string().max(100) });
const LineParams = z.strictObject({ id: z.string().max(100), lineId: z.string().max(100) });
const PROBLEMS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

export function registerOrdersAdminRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/orders', {
    config: { access: READ },
    schema: {
      tags,
      summary:
        'Every order, newest first: search by number, name, e-mail, phone, external reference; filters',
      querystring: AdminOrderListQuery,
      response: { 200: AdminOrderList, ...PROBLEMS },
    },
    handler: async (request) => listAdminOrders(ctx, orderStaff(request), request.query),
  });

  r.get('/api/admin/orders/:id', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'One order for the back office',
      params: IdParams,
      response: { 200: AdminOrder, ...PROBLEMS },
    },
    handler: async (request) => getAdminOrder(ctx, orderStaff(request), request.params.id),
  });

  r.get('/api/admin/orders/:id/timeline', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Everything that happened to the order: events, stock holds, payment calls, messages',
      params: IdParams,
      response: { 200: OrderTimeline, ...PROBLEMS },
    },
    handler: async (request) => getOrderTimeline(ctx, orderStaff(request), request.params.id),
  });

  r.post('/api/admin/orders/:id/lines', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Add a line before picking (stock held; 409 `order_locked` while picking)',
      params: IdParams,
      body: AddOrderLineBody,
      response: { 200: AdminOrder, ...PROBLEMS },
    },
    handler: async (request) => addOrderLine(ctx, orderStaff(request), request.params.id, request.body),
  });

  r.patch('/api/admin/orders/:id/lines/:lineId', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Change a line’s quantity before picking (the hold follows)',
      params: LineParams,
      body: ChangeOrderLineBody,
      response: { 200: AdminOrder, ...PROBLEMS },
    },
    handler: async (request) =>
      changeOrderLine(
        ctx,
        orderStaff(request),
        request.params.id,
        request.params.lineId,
        request.body.quantity,
      ),
  });

  r.delete('/api/admin/orders/:id/lines/:lineId', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Remove a line before picking (its hold released)',
      params: LineParams,
      response: { 200: AdminOrder, ...PROBLEMS },
    },
    handler: async (request) =>
      removeOrderLine(ctx, orderStaff(request), request.params.id, request.params.lineId),
  });

  r.post('/api/orders', {
    config: { access: { staff: MANAGERS, apiKey: 'orders:write' } },
    schema: {
      tags,
      summary:
        'Place an order from an integration or marketplace (201; 200 for the same channel + externalReference; 409 when its content differs; 422 when a prepaid amount is not our total)',
      body: ApiOrderBody,
      response: { 200: AdminOrder, 201: AdminOrder, ...PROBLEMS, 402: Problem, 422: Problem, 502: Problem },
    },
    handler: async (request, reply) => {
      const { order, isNew } = await placeApiOrder(ctx, env.config.publicUrl, request.body);
      return reply.status(isNew ? 201 : 200).send(order);
    },
  });
}
