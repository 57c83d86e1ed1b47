// CONTRACT READY
// The store's side of click & collect, called by a paired register: the live queue (also as SSE),
// accept with a pick ticket, picking, substitutions, removals, ship-home and ready. Device routes
// declare `access: 'public'` for the shared access layer and are guarded per handler (device-auth).
import {
  AcceptOrderResult,
  LineAvailability,
  Order,
  PickLineBody,
  PickupQueue,
  PickupQueueQuery,
  Problem,
  RemoveLineBody,
  ShipLineHomeBody,
  StoreOrderActionBody,
  SubstituteLineBody,
} from '@handla/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { streamEvents } from '../../outbox/events.routes';
import type { ModuleEnv } from '../module-env';
import { requireDeviceOf, requireRegister } from '../register/device-auth';
import { findCashierById } from '../register/devices.store';
import {
  acceptOrder,
  assertCashierOfStore,
  getPickupQueue,
  lineAvailability,
  markReadyAtRegister,
  pickLine,
  type RegisterCaller,
  removeLine,
  shipLineHome,
  startPicking,
  substituteLine,
} from './store-orders.service';

const tags = ['store orders'];
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;
const Id = z.string().max(100);
const RegisterParams = z.strictObject({ id: Id });
const OrderParams = z.strictObject({ id: Id, orderId: Id });
const LineParams = z.strictObject({ id: Id, orderId: Id, lineId: Id });

/** The register of the URL, asked by its own paired device. */
async function deviceRegister(ctx: AppContext, request: FastifyRequest, registerId: string) {
  const register = await requireRegister(ctx, registerId);
  await requireDeviceOf(ctx, request, register.id);
  return register;
}

/** The register and the cashier the body names, who must work at the register's store. */
async function registerCaller(
  ctx: AppContext,
  request: FastifyRequest,
  registerId: string,
  cashierId: string,
): Promise<RegisterCaller> {
  const register = await deviceRegister(ctx, request, registerId);
  const cashier = assertCashierOfStore(await findCashierById(ctx.db, cashierId), register);
  return { register, cashier };
}

export function registerStoreOrderRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/registers/:id/pickup-queue', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Paired device: the store’s pickup orders of one tab, soonest pickup first, with tab counts',
      params: RegisterParams,
      querystring: PickupQueueQuery,
      response: { 200: PickupQueue, ...problems },
    },
    handler: async (request) => {
      const register = await deviceRegister(ctx, request, request.params.id);
      return getPickupQueue(ctx, register, request.query);
    },
  });

  r.get('/api/registers/:id/events', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Paired device: the store’s order.* events as Server-Sent Events; send Last-Event-ID (or ?lastEventId=) to resume',
      params: RegisterParams,
      querystring: z.strictObject({ lastEventId: z.coerce.number().int().min(0).optional() }),
      headers: z.object({ 'last-event-id': z.coerce.number().int().min(0).optional() }),
    },
    handler: async (request, reply) => {
      const register = await deviceRegister(ctx, request, request.params.id);
      await streamEvents(ctx, env.relay, request, reply, {
        wanted: (e) => e.storeId === register.storeId && e.type.startsWith('order.'),
        resumeFrom: request.headers['last-event-id'] ?? request.query.lastEventId,
        open: env.openStreams,
      });
    },
  });

  const orderAction = (
    path: string,
    summary: string,
    act: (caller: RegisterCaller, orderId: string) => Promise<Order>,
  ) =>
    r.post(`/api/registers/:id/pickup-orders/:orderId/${path}`, {
      config: { access: 'public' },
      schema: {
        tags,
        summary,
        params: OrderParams,
        body: StoreOrderActionBody,
        response: { 200: Order, ...problems },
      },
      handler: async (request) => {
        const caller = await registerCaller(ctx, request, request.params.id, request.body.cashierId);
        return act(caller, request.params.orderId);
      },
    });

  r.post('/api/registers/:id/pickup-orders/:orderId/accept', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Accept a new order (order.accepted); the pick ticket prints on the register’s printer — a printer failure does not undo the accept',
      params: OrderParams,
      body: StoreOrderActionBody,
      response: { 200: AcceptOrderResult, ...problems },
    },
    handler: async (request) => {
      const caller = await registerCaller(ctx, request, request.params.id, request.body.cashierId);
      return acceptOrder(ctx, caller, request.params.orderId);
    },
  });

  orderAction(
    'picking',
    'Start picking (order.picking): the order is locked to this register until it is ready',
    (caller, orderId) => startPicking(ctx, caller, orderId),
  );
  orderAction(
    'ready',
    'Ready for pickup: open lines count as picked, the lock ends, the shopper is told (refused when nothing is left to collect)',
    (caller, orderId) => markReadyAtRegister(ctx, caller, orderId),
  );

  // Every line change: the register's device, the cashier of its store, then the change.
  const lineAction = <B extends z.ZodType<{ cashierId: string }>>(
    path: string,
    summary: string,
    body: B,
    act: (caller: RegisterCaller, orderId: string, lineId: string, body: z.infer<B>) => Promise<Order>,
  ) =>
    r.post(`/api/registers/:id/pickup-orders/:orderId/lines/:lineId/${path}`, {
      config: { access: 'public' },
      schema: { tags, summary, params: LineParams, body, response: { 200: Order, ...problems } },
      handler: async (request) => {
        const { id, orderId, lineId } = request.params;
        const input = request.body as z.infer<B>;
        const caller = await registerCaller(ctx, request, id, input.cashierId);
        return act(caller, orderId, lineId, input);
      },
    });

  lineAction(
    'pick',
    'Units of a line found on the shelf; the line is picked when all are (order.updated)',
    PickLineBody,
    (caller, orderId, lineId, body) => pickLine(ctx, caller, orderId, lineId, body.quantity),
  );
  lineAction(
    'substitute',
    'Another SKU instead, held here, at the lower of the two prices; the original’s hold is released and the shopper told',
    SubstituteLineBody,
    (caller, orderId, lineId, body) => substituteLine(ctx, caller, orderId, lineId, body),
  );
  lineAction(
    'remove',
    'Not delivered: the hold is released, the amount to capture drops, the shopper is told',
    RemoveLineBody,
    (caller, orderId, lineId, body) => removeLine(ctx, caller, orderId, lineId, body.note),
  );
  lineAction(
    'ship-home',
    'Send the line home from another location: the hold moves there (409 insufficient_stock when it lacks it); the shopper is told',
    ShipLineHomeBody,
    (caller, orderId, lineId, body) => shipLineHome(ctx, caller, orderId, lineId, body),
  );

  r.get('/api/registers/:id/pickup-orders/:orderId/lines/:lineId/availability', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Other locations with the line’s SKU available, for ship-home',
      params: LineParams,
      response: { 200: LineAvailability, ...problems },
    },
    handler: async (request) => {
      const { id, orderId, lineId } = request.params;
      const register = await deviceRegister(ctx, request, id);
      return lineAvailability(ctx, register, orderId, lineId);
    },
  });
}
