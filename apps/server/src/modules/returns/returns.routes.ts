// Returns within the right of withdrawal and drop shipping: requests, inbound parcels, inspection, refunds; supplier orders.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerReturnsRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(wave 2)
}
