// Routes of the pricing module: VAT rates, price lists, store overrides, campaigns.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export function registerPricingRoutes(_app: FastifyInstance, _ctx: AppContext) {}
