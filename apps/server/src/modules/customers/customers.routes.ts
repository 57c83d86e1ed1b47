// GET/POST /api/customers, GET/PATCH /api/customers/:id — consumers and companies (docs/customers.md).
import {
  CreateCustomerBody,
  CreateCustomerGroupBody,
  Customer,
  CustomerGroup,
  CustomerListQuery,
  Problem,
  page,
  RenameCustomerGroupBody,
  UpdateCustomerBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import { createCustomerGroup, listCustomerGroups, renameCustomerGroup } from './customer-groups.service';
import { createCustomer, getCustomer, listCustomers, updateCustomer } from './customers.service';

// Customers belong with orders for integrations: the orders scopes cover them.
export const READ = { staff: ALL_STAFF, apiKey: 'orders:read' } as const;
export const WRITE = { staff: MANAGERS, apiKey: 'orders:write' } as const;
export const tags = ['customers'];
export const Params = z.strictObject({ id: z.string().min(1).max(100) });

export function registerCustomerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/customers', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'List customers by name, optionally searched; merged customers left out',
      querystring: CustomerListQuery,
      response: { 200: page(Customer), 400: Problem },
    },
    handler: async (request) => listCustomers(ctx, request.query),
  });
  r.get('/api/customers/:id', {
    config: { access: READ },
    schema: { tags, summary: 'One customer', params: Params, response: { 200: Customer, 404: Problem } },
    handler: async (request) => getCustomer(ctx, request.params.id),
  });
  r.post('/api/customers', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Create a consumer or a company (numbers checked), optionally on a B2B price list',
      body: CreateCustomerBody,
      response: { 201: Customer, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createCustomer(ctx, request.body)),
  });
  r.patch('/api/customers/:id', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Change a customer or their price list, at the version read',
      params: Params,
      body: UpdateCustomerBody,
      response: { 200: Customer, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateCustomer(ctx, request.params.id, request.body),
  });
  r.get('/api/customer-groups', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The customer groups promotions can name, with their number of customers',
      response: { 200: z.object({ items: z.array(CustomerGroup) }) },
    },
    handler: async () => listCustomerGroups(ctx),
  });
  r.post('/api/customer-groups', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Create a customer group (code + name)',
      body: CreateCustomerGroupBody,
      response: { 201: CustomerGroup, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createCustomerGroup(ctx, request.body)),
  });
  r.patch('/api/customer-groups/:code', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Rename a customer group; its code, customers and promotion rules stay',
      params: z.strictObject({ code: z.string().min(1).max(40) }),
      body: RenameCustomerGroupBody,
      response: { 200: CustomerGroup, 400: Problem, 404: Problem },
    },
    handler: async (request) => renameCustomerGroup(ctx, request.params.code, request.body.name),
  });
}
