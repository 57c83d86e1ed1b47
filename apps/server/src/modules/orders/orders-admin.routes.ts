// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerOrdersAdminRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(wave 2)
}
