// Routes of the pickup module: the public slot list for the shop, and the store's settings for the
// back office (read by staff, written by the store's managers and owners).
import {
  PickupLoad,
  PickupLoadQuery,
  PickupSettings,
  PickupSlotDay,
  PickupSlotsQuery,
  Problem,
  UpdatePickupSettingsBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import {
  getPickupLoad,
  getPickupSettings,
  listPickupSlots,
  type SettingsEditor,
  updatePickupSettings,
} from './pickup.service';

const tags = ['pickup'];
const StoreParams = z.strictObject({ storeId: z.string().max(100) });

export function registerPickupRoutes(app: FastifyInstance, ctx: AppContext, _env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/stores/:storeId/pickup-slots', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Free pickup times on a date (default: the first date with one), "as soon as possible" and the open dates',
      params: StoreParams,
      querystring: PickupSlotsQuery,
      response: { 200: PickupSlotDay, 400: Problem, 404: Problem },
    },
    handler: async (request) => listPickupSlots(ctx, request.params.storeId, request.query),
  });

  r.get('/api/stores/:storeId/pickup-load', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary:
        'Every slot of some dates with what is booked in it, full and past ones included (back office)',
      params: StoreParams,
      querystring: PickupLoadQuery,
      response: { 200: PickupLoad, 400: Problem, 404: Problem },
    },
    handler: async (request) => getPickupLoad(ctx, request.params.storeId, request.query),
  });

  r.get('/api/stores/:storeId/pickup-settings', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: "The store's pickup settings (version 0 and pickup off when never saved)",
      params: StoreParams,
      response: { 200: PickupSettings, 404: Problem },
    },
    handler: async (request) => getPickupSettings(ctx, request.params.storeId),
  });

  r.put('/api/stores/:storeId/pickup-settings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary:
        "Replaces the store's pickup settings; managers of that store and owners; `version` must match",
      params: StoreParams,
      body: UpdatePickupSettingsBody,
      response: { 200: PickupSettings, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => {
      const principal = request.principal;
      if (principal?.kind !== 'staff' || principal.role === 'cashier') {
        throw new Error('unreachable: the route is for managers and owners');
      }
      const editor: SettingsEditor = {
        id: principal.userId,
        role: principal.role,
        storeId: principal.storeId,
      };
      return updatePickupSettings(ctx, editor, request.params.storeId, request.body);
    },
  });
}
