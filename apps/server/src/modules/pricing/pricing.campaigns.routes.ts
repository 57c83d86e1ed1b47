// Campaigns, and resolving the price a SKU sells at.
import {
  Campaign,
  CampaignListQuery,
  CampaignSummary,
  CreateCampaignBody,
  EndCampaignBody,
  Problem,
  page,
  ResolvedPrice,
  ResolvePriceQuery,
  UpdateCampaignBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { ALL_STAFF, MANAGERS } from '../../http/access';
import {
  createCampaign,
  endCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './pricing.campaigns.service';
import { resolvePrice } from './pricing.resolve.service';

const READ = { staff: ALL_STAFF, apiKey: 'catalog:read' } as const;
const WRITE = { staff: MANAGERS, apiKey: 'catalog:write' } as const;
const tags = ['pricing'];
const Params = z.strictObject({ id: z.string().min(1).max(100) });

export function registerCampaignRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/campaigns', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'List campaigns by start: current (active and upcoming) unless asked otherwise',
      querystring: CampaignListQuery,
      response: { 200: page(CampaignSummary), 400: Problem },
    },
    handler: async (request) => listCampaigns(ctx, request.query),
  });
  r.get('/api/campaigns/:id', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'One campaign with its prices',
      params: Params,
      response: { 200: Campaign, 404: Problem },
    },
    handler: async (request) => getCampaign(ctx, request.params.id),
  });
  r.post('/api/campaigns', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Create a campaign: prices per SKU for a time window, in one store or all',
      body: CreateCampaignBody,
      response: { 201: Campaign, 400: Problem },
    },
    handler: async (request, reply) => reply.status(201).send(await createCampaign(ctx, request.body)),
  });
  r.patch('/api/campaigns/:id', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'Change a campaign that has not ended; prices replace the whole set',
      params: Params,
      body: UpdateCampaignBody,
      response: { 200: Campaign, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => updateCampaign(ctx, request.params.id, request.body),
  });
  r.post('/api/campaigns/:id/end', {
    config: { access: WRITE },
    schema: {
      tags,
      summary: 'End a campaign now',
      params: Params,
      body: EndCampaignBody,
      response: { 200: Campaign, 404: Problem, 409: Problem },
    },
    handler: async (request) => endCampaign(ctx, request.params.id, request.body.version),
  });
  r.get('/api/prices/resolve', {
    config: { access: READ },
    schema: {
      tags,
      summary: 'The price a SKU sells at for a store, customer and instant, with its VAT rate',
      description:
        'Order: the customer’s B2B list price, else the store’s override, else retail; then an active campaign (the store’s own before company-wide ones) when it is lower. See docs/pricing.md.',
      querystring: ResolvePriceQuery,
      response: { 200: ResolvedPrice, 400: Problem, 404: Problem, 409: Problem },
    },
    handler: async (request) => resolvePrice(ctx, request.query),
  });
}
