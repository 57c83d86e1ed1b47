// Customers (CRM): matching across channels, the matching order, merging, history, personal data
// export and erasure; the register's customer history and match-or-create (docs/customers.md).
import {
  CrmSettings,
  Customer,
  CustomerErasure,
  CustomerExport,
  CustomerHistory,
  CustomerMatch,
  MatchCustomerBody,
  MergeCustomerBody,
  Problem,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { requireDeviceOf, requireRegister } from '../register/device-auth';
import {
  customerHistory,
  eraseCustomer,
  exportCustomer,
  getCrmSettings,
  matchCustomerOnce,
  mergeCustomer,
  updateCrmSettings,
} from './crm.service';
import { Params, READ, tags, WRITE } from './customers.routes';

// Personal data export, erasure and merging are for managers signed in, not for integrations.
const PERSONAL_DATA = { staff: MANAGERS } as const;
const RegisterCustomerParams = z.strictObject({
  id: z.string().min(1).max(100),
  customerId: z.string().min(1).max(100),
});
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export function registerCrmRoutes(app: FastifyInstance, ctx: AppContext, _env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/customers/settings', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The CRM settings: the order customers are matched in',
      response: { 200: CrmSettings },
    },
    handler: async () => getCrmSettings(ctx),
  });
  r.put('/api/customers/settings', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Set the order customers are matched in (e-mail, orgNumber, personalNumber)',
      body: CrmSettings,
      response: { 200: CrmSettings, ...problems },
    },
    handler: async (request) => updateCrmSettings(ctx, request.body),
  });
  r.post('/api/customers/match', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Find the customer an incoming one is (by the match order), or create them',
      body: MatchCustomerBody,
      response: { 200: CustomerMatch, 201: CustomerMatch, ...problems },
    },
    handler: async (request, reply) => {
      const match = await matchCustomerOnce(ctx, request.body);
      return reply.status(match.isNew ? 201 : 200).send(match);
    },
  });
  r.post('/api/customers/:id/merge', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags,
      summary: 'Merge this customer into `intoId`: history moves, this one stays as a tombstone',
      params: Params,
      body: MergeCustomerBody,
      response: { 200: Customer, ...problems },
    },
    handler: async (request) => mergeCustomer(ctx, request.params.id, request.body.intoId),
  });
  r.get('/api/customers/:id/history', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The customer’s web orders and store receipts, oldest first',
      params: Params,
      response: { 200: CustomerHistory, ...problems },
    },
    handler: async (request) => customerHistory(ctx, request.params.id),
  });
  r.get('/api/customers/:id/export', {
    config: { access: PERSONAL_DATA },
    schema: {
      tags,
      summary: 'Everything held about the person (JSON): customer, accounts, orders, receipts, messages',
      params: Params,
      response: { 200: CustomerExport, ...problems },
    },
    handler: async (request) => exportCustomer(ctx, request.params.id),
  });
  r.post('/api/customers/:id/erase', {
    config: { access: PERSONAL_DATA },
    schema: {
      tags,
      summary: 'Anonymize the person; receipts, amounts and the register journal stay intact',
      params: Params,
      response: { 200: CustomerErasure, ...problems },
    },
    handler: async (request) => eraseCustomer(ctx, request.params.id),
  });

  r.get('/api/registers/:id/customers/:customerId/history', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'A customer’s web orders and store receipts, oldest first: the register’s device',
      params: RegisterCustomerParams,
      response: { 200: CustomerHistory, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOf(ctx, request, register.id);
      return customerHistory(ctx, request.params.customerId);
    },
  });
  r.post('/api/registers/:id/customers', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Find or create the customer to attach to a sale (by the match order): the register’s device',
      params: Params,
      body: MatchCustomerBody,
      response: { 200: CustomerMatch, 201: CustomerMatch, ...problems },
    },
    handler: async (request, reply) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOf(ctx, request, register.id);
      const match = await matchCustomerOnce(ctx, request.body);
      return reply.status(match.isNew ? 201 : 200).send(match);
    },
  });
}
