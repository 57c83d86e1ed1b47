// Min/max rules per location and the replenishment suggestions per store.
import {
  ReplenishmentQuery,
  ReplenishmentRule,
  ReplenishmentSuggestions,
  SetReplenishmentRulesBody,
} from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { STOCK_MANAGE, STOCK_PROBLEMS, STOCK_READ, stockActor } from './inventory.access';
import {
  listReplenishmentRules,
  setReplenishmentRules,
  suggestStoreReplenishment,
} from './replenishment.service';

const tags = ['inventory'];
const LocationParams = z.strictObject({ locationId: z.string().max(100) });
const Rules = z.object({ items: z.array(ReplenishmentRule) });

export function registerReplenishmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/stock/locations/:locationId/replenishment-rules', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: "A location's min/max rules",
      params: LocationParams,
      response: { 200: Rules, ...STOCK_PROBLEMS },
    },
    handler: async (request) => ({ items: await listReplenishmentRules(ctx, request.params.locationId) }),
  });
  r.put('/api/stock/locations/:locationId/replenishment-rules', {
    config: { access: STOCK_MANAGE },
    schema: {
      tags,
      summary: "Replace a location's min/max rules with this set",
      params: LocationParams,
      body: SetReplenishmentRulesBody,
      response: { 200: Rules, ...STOCK_PROBLEMS },
    },
    handler: async (request) => ({
      items: await setReplenishmentRules(ctx, stockActor(request), request.params.locationId, request.body),
    }),
  });
  r.get('/api/stock/stores/:storeId/replenishment-suggestions', {
    config: { access: STOCK_READ },
    schema: {
      tags,
      summary: 'What to bring into a store: rules at or below min after expected sales, ordered up to max',
      params: z.strictObject({ storeId: z.string().max(100) }),
      querystring: ReplenishmentQuery,
      response: { 200: ReplenishmentSuggestions, ...STOCK_PROBLEMS },
    },
    handler: async (request) => suggestStoreReplenishment(ctx, request.params.storeId, request.query),
  });
}
