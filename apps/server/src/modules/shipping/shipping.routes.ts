// Shipping: carriers behind a port, shipments per line and quantity, labels (PDF, Code 128), a capture per shipment.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerShippingRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {
  // TODO(wave 2)
}
