// Routes of the pricing module: VAT rates, price lists, store overrides, campaigns, resolution.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import { registerCampaignRoutes } from './pricing.campaigns.routes';
import { registerPriceListRoutes } from './pricing.lists.routes';
import { registerVatRoutes } from './pricing.vat.routes';

export function registerPricingRoutes(app: FastifyInstance, ctx: AppContext) {
  registerVatRoutes(app, ctx);
  registerPriceListRoutes(app, ctx);
  registerCampaignRoutes(app, ctx);
}
