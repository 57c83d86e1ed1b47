// Hand-over at the counter, called by a paired register: look up by pickup code or search,
// confirm a prepaid hand-over (capture, stock sold, collected), and returns of web orders.
// Device routes declare `access: 'public'` and are guarded per handler (register/device-auth).
import {
  HandoverBody,
  HandoverLookupQuery,
  HandoverLookupResult,
  Order,
  Problem,
  WebOrderReturnBody,
  WebOrderReturnResult,
} from '@handla/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';
import { requireDeviceOf, requireRegister } from '../register/device-auth';
import { RegisterParams } from '../register/devices.routes';
import { handOverOrder, lookupHandover } from './handover.service';
import { returnWebOrderLines } from './web-order-returns.service';

const tags = ['store orders'];
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const OrderParams = RegisterParams.extend({ orderId: z.string().max(100) });

export function registerHandoverRoutes(app: FastifyInstance, ctx: AppContext, _env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const requireRegisterDevice = async (request: FastifyRequest, registerId: string) => {
    const register = await requireRegister(ctx, registerId);
    await requireDeviceOf(ctx, request, register.id);
    return register;
  };

  r.get('/api/registers/:id/pickup-orders/lookup', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Paired device: the order of a scanned pickup code, or this store’s pickup orders by number or name, with what to do and add-ons to offer',
      params: RegisterParams,
      querystring: HandoverLookupQuery,
      response: { 200: HandoverLookupResult, ...problems },
    },
    handler: async (request) =>
      lookupHandover(ctx, await requireRegisterDevice(request, request.params.id), request.query),
  });

  r.post('/api/registers/:id/pickup-orders/:orderId/hand-over', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Paired device: hand over a prepaid order — capture the amount due, held stock sold, collected; a repeated key changes nothing',
      params: OrderParams,
      body: HandoverBody,
      response: { 200: Order, ...problems, 402: Problem, 502: Problem },
    },
    handler: async (request) =>
      handOverOrder(
        ctx,
        await requireRegisterDevice(request, request.params.id),
        request.params.orderId,
        request.body,
      ),
  });

  r.post('/api/registers/:id/pickup-orders/:orderId/returns', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Paired device: goods of a collected web order back to this store, refunded to the online payment (201; a repeated returnId 200)',
      params: OrderParams,
      body: WebOrderReturnBody,
      response: {
        200: WebOrderReturnResult,
        201: WebOrderReturnResult,
        ...problems,
        402: Problem,
        502: Problem,
      },
    },
    handler: async (request, reply) => {
      const register = await requireRegisterDevice(request, request.params.id);
      const { result, isNew } = await returnWebOrderLines(
        ctx,
        register,
        request.params.orderId,
        request.body,
      );
      return reply.code(isNew ? 201 : 200).send(result);
    },
  });
}
