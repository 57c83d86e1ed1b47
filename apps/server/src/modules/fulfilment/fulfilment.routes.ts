// Fulfilment: release to picking at once or in batches, pick lists and packing slips (PDF), packing by scan.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerFulfilmentRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(wave 2)
}
