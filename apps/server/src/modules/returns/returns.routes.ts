// Returns within the right of withdrawal and drop shipping: requests, inbound parcels, inspection,
// refunds; supplier orders. Staff and API keys (`orders:*`) work the returns; the shopper requests
// one by the order's status token.
import {
  CreateReturnRequestBody,
  Problem,
  ReceiveReturnBody,
  ReturnRequest,
  ReturnRequestList,
  ReturnRequestQuery,
  ReturnSettings,
  ShopReturnRequestBody,
  UpdateReturnSettingsBody,
} from '@handla/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type Access, ALL_STAFF, MANAGERS } from '../../http/access';
import { locationsCompanyId } from '../locations/locations.lookups';
import type { ModuleEnv } from '../module-env';
import { registerDropShipRoutes } from './drop-ship.routes';
import {
  getReturnRequest,
  getReturnSettings,
  listReturnRequests,
  listReturnsOfToken,
  receiveReturn,
  requestShopReturn,
  requestStaffReturn,
  updateReturnSettings,
} from './returns.service';

const tags = ['returns'];
const READ: Access = { staff: ALL_STAFF, apiKey: 'orders:read' };
const WORK: Access = { staff: ALL_STAFF, apiKey: 'orders:write' };
const PROBLEMS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Params = z.strictObject({ id: z.string().min(1).max(100) });
const TokenParams = z.strictObject({ token: z.string().max(100) });

/** Who acts: a staff member, or an API key (recorded by its id). */
export function actorOf(request: FastifyRequest): { id: string; source: 'staff' | 'api' } {
  const p = request.principal;
  return p?.kind === 'staff' ? { id: p.userId, source: 'staff' } : { id: p?.keyId ?? 'api', source: 'api' };
}

export function registerReturnsRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const company = () => locationsCompanyId(ctx.db);

  r.get('/api/returns/settings', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The withdrawal window and return shipping rules',
      response: { 200: ReturnSettings, ...PROBLEMS },
    },
    handler: async () => getReturnSettings(ctx, await company()),
  });
  r.put('/api/returns/settings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Change the withdrawal window and return shipping rules (optimistic on version)',
      body: UpdateReturnSettingsBody,
      response: { 200: ReturnSettings, ...PROBLEMS },
    },
    handler: async (request) => updateReturnSettings(ctx, actorOf(request).id, await company(), request.body),
  });

  r.get('/api/returns', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'Return requests, newest first',
      querystring: ReturnRequestQuery,
      response: { 200: ReturnRequestList, ...PROBLEMS },
    },
    handler: async (request) => ({ items: await listReturnRequests(ctx, await company(), request.query) }),
  });
  r.post('/api/returns', {
    config: { access: WORK },
    schema: {
      tags,
      summary:
        'Request a return for the shopper: delivered units within the withdrawal window; gives an RMA number',
      body: CreateReturnRequestBody,
      response: { 201: ReturnRequest, ...PROBLEMS },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const by = {
        source: actor.source,
        staffId: actor.source === 'staff' ? actor.id : null,
        companyId: await company(),
      };
      return reply.status(201).send(await requestStaffReturn(ctx, by, request.body));
    },
  });
  r.get('/api/returns/:id', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'One return request',
      params: Params,
      response: { 200: ReturnRequest, ...PROBLEMS },
    },
    handler: async (request) => getReturnRequest(ctx, await company(), request.params.id),
  });
  r.post('/api/returns/:id/receive', {
    config: { access: WORK },
    schema: {
      tags,
      summary:
        'Receive the parcel at a location and inspect each line (back to stock / written off); refunds the accepted units once',
      params: Params,
      body: ReceiveReturnBody,
      response: { 200: ReturnRequest, ...PROBLEMS, 402: Problem, 502: Problem },
    },
    handler: async (request) =>
      receiveReturn(
        ctx,
        { id: actorOf(request).id, companyId: await company() },
        request.params.id,
        request.body,
      ),
  });

  r.get('/api/orders/status/:token/returns', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The return requests of the order, by its status link',
      params: TokenParams,
      response: { 200: ReturnRequestList, 404: Problem },
    },
    handler: async (request) => ({ items: await listReturnsOfToken(ctx, request.params.token) }),
  });
  r.post('/api/orders/status/:token/returns', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The shopper requests a return from the order-status page',
      params: TokenParams,
      body: ShopReturnRequestBody,
      response: { 201: ReturnRequest, ...PROBLEMS },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await requestShopReturn(ctx, request.params.token, request.body)),
  });

  registerDropShipRoutes(app, ctx, env);
}
