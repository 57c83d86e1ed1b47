// The store's side of click & collect, called by a paired register: the live queue (also as SSE),
// accept with a pick ticket, picking, substitutions, removals, ship-home and ready.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerStoreOrderRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(store-orders helper)
}
