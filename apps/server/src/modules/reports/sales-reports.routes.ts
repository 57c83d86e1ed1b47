// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerSalesReportRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(wave 2)
}
