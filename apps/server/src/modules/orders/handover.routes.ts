// Hand-over at the counter, called by a paired register: look up by pickup code or search,
// confirm a prepaid hand-over (capture, stock sold, collected), and returns of web orders.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerHandoverRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(handover helper)
}
