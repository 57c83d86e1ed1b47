// Tax classes, VAT rate periods and products' tax-class overrides per country.
import {
  CreateVatRateBody,
  Problem,
  SetTaxOverrideBody,
  TaxClass,
  TaxOverride,
  TaxOverrideParams,
  UpdateVatRateBody,
  VatRate,
  VatRateParams,
  VatRateQuery,
  VersionQuery,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS, OWNERS } from '../../http/access';
import {
  addVatRate,
  listTaxClasses,
  listTaxOverrides,
  listVatRates,
  removeTaxOverride,
  setTaxOverride,
  updateVatRate,
} from './pricing.vat.service';

const READ = { staff: ALL_STAFF, apiKey: 'catalog:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'catalog:write' } as const;
// A wrong rate misstates the VAT of every receipt, so rates are the owners' to change, by hand.
const TAX_WRITE = { staff: OWNERS } as const;
const tags = ['pricing'];

export function registerVatRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/tax-classes', {
    config: { access: READ },
    schema: { tags, summary: 'List tax classes', response: { 200: z.object({ items: z.array(TaxClass) }) } },
    handler: async () => ({ items: await listTaxClasses(ctx) }),
  });
  r.get('/api/vat-rates', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'List VAT rate periods per country × tax class',
      querystring: VatRateQuery,
      response: { 200: z.object({ items: z.array(VatRate) }), 400: Problem },
    },
    handler: async (request) => ({ items: await listVatRates(ctx, request.query) }),
  });
  r.post('/api/vat-rates', {
    config: { access: TAX_WRITE },
    schema: {
      tags,
      summary: 'Add a VAT rate period; 409 when it overlaps another of its country × class',
      body: CreateVatRateBody,
      response: { 201: VatRate, 400: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await addVatRate(ctx, request.body)),
  });
  r.patch('/api/vat-rates/:country/:taxClass/:validFrom', {
    config: { access: TAX_WRITE },
    schema: {
      tags,
      summary: 'Move the last day of a VAT rate period (today or later)',
      params: VatRateParams,
      body: UpdateVatRateBody,
      response: { 200: VatRate, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateVatRate(ctx, request.params, request.body),
  });
  r.get('/api/products/:productId/tax-overrides', {
    config: { access: READ },
    schema: {
      tags,
      summary: "A product's tax class per country, where it differs from its own",
      params: z.strictObject({ productId: TaxOverrideParams.shape.productId }),
      response: { 200: z.object({ items: z.array(TaxOverride) }) },
    },
    handler: async (request) => ({ items: await listTaxOverrides(ctx, request.params.productId) }),
  });
  r.put('/api/products/:productId/tax-overrides/:country', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Set the tax class a product sells under in one country',
      params: TaxOverrideParams,
      body: SetTaxOverrideBody,
      response: { 200: TaxOverride, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => setTaxOverride(ctx, request.params, request.body),
  });
  r.delete('/api/products/:productId/tax-overrides/:country', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: "Remove a product's tax-class override in one country",
      params: TaxOverrideParams,
      querystring: VersionQuery,
      response: { 204: z.null(), 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => {
      await removeTaxOverride(ctx, request.params, request.query.version);
      return reply.status(204).send(null);
    },
  });
}
