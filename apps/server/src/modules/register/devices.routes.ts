// Pairing, setup, cashier sign-in and register settings. Device routes declare `access: 'public'`
// for the shared access layer and are guarded per handler by ./device-auth (deny by default holds:
// every handler here begins with a guard).
import {
  CashierSession,
  CashierSignInBody,
  Customer,
  PairDeviceBody,
  PairedDevice,
  Problem,
  RegisterPairingCode,
  RegisterSettings,
  RegisterSetup,
  RegisterSummary,
  UpdateRegisterSettingsBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import { searchCustomers } from '../customers/customers.service';
import { signInCashier } from './cashiers.service';
import { assertStaffOfStore, requireDeviceOf, requireDeviceOrStaff, requireRegister } from './device-auth';
import { listRegisters } from './devices.store';
import { createPairingCode, pairDevice } from './pairing.service';
import { getRegisterSettings, getRegisterSetup, updateRegisterSettings } from './setup.service';

const tags = ['register'];
export const RegisterParams = z.strictObject({ id: z.string().max(100) });
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem };

export function registerDeviceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/registers', {
    config: { access: { staff: ALL_STAFF } },
    schema: {
      tags,
      summary: 'The registers, with whether a device is paired (cashiers: their own store)',
      response: { 200: z.object({ items: z.array(RegisterSummary) }), 401: Problem, 403: Problem },
    },
    handler: async (request) => {
      const principal = request.principal;
      const ownStore = principal?.kind === 'staff' && principal.role === 'cashier' ? principal.storeId : null;
      const rows = await listRegisters(ctx.db, ownStore);
      return { items: rows.map((row) => ({ ...row, pairedAt: row.pairedAt?.toISOString() ?? null })) };
    },
  });

  r.post('/api/registers/:id/pairings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary:
        'A one-time code (15 minutes) to pair a device with this register; managers of its store, owners',
      params: RegisterParams,
      response: { 201: RegisterPairingCode, ...problems },
    },
    handler: async (request, reply) => {
      const register = await requireRegister(ctx, request.params.id);
      const staff = assertStaffOfStore(request.principal, register, MANAGERS);
      return reply.status(201).send(await createPairingCode(ctx, register.id, staff.userId));
    },
  });

  r.post('/api/devices/pair', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Pair a device: a pairing code and the device’s public key for a device token (shown once)',
      body: PairDeviceBody,
      response: { 201: PairedDevice, 400: Problem, 401: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await pairDevice(ctx, request.body)),
  });

  r.get('/api/registers/:id/setup', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Paired device: store, company, settings, priced catalog, cashiers and journal head to cache offline',
      params: RegisterParams,
      response: { 200: RegisterSetup, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOf(ctx, request, register.id);
      return getRegisterSetup(ctx, register);
    },
  });

  r.post('/api/registers/:id/cashier-sessions', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Paired device: a cashier signs in with staff number and PIN (5 wrong in 15 minutes → 429)',
      params: RegisterParams,
      body: CashierSignInBody,
      response: { 201: CashierSession, ...problems, 429: Problem },
    },
    handler: async (request, reply) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOf(ctx, request, register.id);
      const place = { registerId: register.id, storeId: register.storeId, companyId: register.companyId };
      return reply.status(201).send(await signInCashier(ctx, place, request.body));
    },
  });

  r.get('/api/registers/:id/settings', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'The register’s settings: its device, or managers of its store',
      params: RegisterParams,
      response: { 200: RegisterSettings, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      return getRegisterSettings(ctx, register.id);
    },
  });

  r.get('/api/registers/:id/customers', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Find a customer to attach to a sale (name, e-mail or org number): the register’s device',
      params: RegisterParams,
      querystring: z.strictObject({
        q: z.string().trim().min(2).max(100),
        limit: z.coerce.number().int().min(1).max(50).default(10),
      }),
      response: { 200: z.object({ items: z.array(Customer) }), ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOf(ctx, request, register.id);
      return searchCustomers(ctx, request.query.q, request.query.limit);
    },
  });

  r.put('/api/registers/:id/settings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary:
        'Replace the register’s settings (printer, control unit, training, idle lock); managers of its store',
      params: RegisterParams,
      body: UpdateRegisterSettingsBody,
      response: { 200: RegisterSettings, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      assertStaffOfStore(request.principal, register, MANAGERS);
      return updateRegisterSettings(ctx, register.id, request.body);
    },
  });
}
