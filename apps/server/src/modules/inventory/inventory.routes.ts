// Routes of the inventory module: stock levels and movements, reservations, transfers, counts,
// purchase orders, replenishment.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export function registerInventoryRoutes(_app: FastifyInstance, _ctx: AppContext) {}
