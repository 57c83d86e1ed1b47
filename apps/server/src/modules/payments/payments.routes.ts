// STUB (skeleton): the payments helper registers the module's routes and jobs here.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerPaymentsRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {}
