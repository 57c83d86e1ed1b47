// STUB (skeleton): the orders helper registers the module's routes and jobs here.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerOrdersRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {}
