// Fulfilment: release to picking at once or in batches, pick lists and packing slips (PDF), packing by scan.
import {
  FulfilmentSettings,
  Packing,
  PackScanBody,
  PickList,
  PickListSummary,
  PickListsQuery,
  Problem,
  ReleaseResult,
  UpdateFulfilmentSettingsBody,
} from '@handla/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { packingSlipPdf, pickListPdf } from './fulfilment.papers';
import {
  type FulfilmentStaff,
  getFulfilmentSettings,
  getPickList,
  listPickLists,
  releaseDueOrders,
  releaseNow,
  updateFulfilmentSettings,
} from './fulfilment.service';
import { getPacking, recordPackScan } from './packing.service';

const tags = ['fulfilment'];
const LocationParams = z.strictObject({ locationId: z.string().max(100) });
const IdParams = z.strictObject({ id: z.string().max(100) });
const OrderParams = z.strictObject({ orderId: z.string().max(100) });
const PROBLEMS = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem } as const;

function staffOf(request: FastifyRequest): FulfilmentStaff {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new Error('unreachable: fulfilment routes are for staff');
  return { id: principal.userId, storeId: principal.storeId };
}

// A Buffer is sent as is, past the JSON response schema.
const sendPdf = (reply: FastifyReply, fileName: string, pdf: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);

export function registerFulfilmentRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // The context's clock rather than the scheduler's, so tests that set the clock move the job too.
  env.jobs.add({
    name: 'fulfilment.release',
    everyMs: 60_000,
    run: () => releaseDueOrders(ctx, ctx.clock()),
  });

  r.get('/api/fulfilment/locations/:locationId/settings', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'How the location releases paid delivery orders to picking (version 0: never saved)',
      params: LocationParams,
      response: { 200: FulfilmentSettings, ...PROBLEMS },
    },
    handler: async (request) => getFulfilmentSettings(ctx, request.params.locationId),
  });

  r.put('/api/fulfilment/locations/:locationId/settings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Release at once or at batch times (HH:MM, Europe/Stockholm); `version` must match',
      params: LocationParams,
      body: UpdateFulfilmentSettingsBody,
      response: { 200: FulfilmentSettings, ...PROBLEMS },
    },
    handler: async (request) =>
      updateFulfilmentSettings(ctx, staffOf(request), request.params.locationId, request.body),
  });

  r.post('/api/fulfilment/locations/:locationId/release', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Releases every paid delivery order of the location waiting for picking now, into pick lists',
      params: LocationParams,
      response: { 200: ReleaseResult, ...PROBLEMS },
    },
    handler: async (request) => releaseNow(ctx, staffOf(request), request.params.locationId),
  });

  r.get('/api/fulfilment/locations/:locationId/pick-lists', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'The location’s pick lists, newest first',
      params: LocationParams,
      querystring: PickListsQuery,
      response: { 200: z.strictObject({ items: z.array(PickListSummary) }), ...PROBLEMS },
    },
    handler: async (request) => listPickLists(ctx, request.params.locationId, request.query.limit),
  });

  r.get('/api/fulfilment/pick-lists/:id', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'A pick list: its orders and its lines grouped by shelf, quantities summed per SKU',
      params: IdParams,
      response: { 200: PickList, ...PROBLEMS },
    },
    handler: async (request) => getPickList(ctx, request.params.id),
  });

  r.get('/api/fulfilment/pick-lists/:id/pdf', {
    config: { access: { staff: ALL_STAFF } },
    schema: { tags, summary: 'The pick list as an A4 PDF', params: IdParams, response: PROBLEMS },
    handler: async (request, reply) =>
      sendPdf(reply, `plocklista-${request.params.id}.pdf`, await pickListPdf(ctx, request.params.id)),
  });

  r.get('/api/fulfilment/orders/:orderId/packing-slip.pdf', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'The packing slip (A4 PDF) with a Code 128 barcode of the order number; id or number',
      params: OrderParams,
      response: PROBLEMS,
    },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        `foljesedel-${request.params.orderId}.pdf`,
        await packingSlipPdf(ctx, request.params.orderId),
      ),
  });

  r.get('/api/fulfilment/orders/:orderId/packing', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'Packing progress per line; the order by id or by our order number',
      params: OrderParams,
      response: { 200: Packing, ...PROBLEMS },
    },
    handler: async (request) => getPacking(ctx, request.params.orderId),
  });

  r.post('/api/fulfilment/orders/:orderId/pack-scans', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'Counts one scanned unit (EAN or SKU code); a wrong or extra scan is 409 `scan_refused`',
      params: OrderParams,
      body: PackScanBody,
      response: { 200: Packing, ...PROBLEMS },
    },
    handler: async (request) =>
      recordPackScan(ctx, staffOf(request), request.params.orderId, request.body.code),
  });
}
