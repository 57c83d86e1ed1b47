// STUB (skeleton): the notifications helper registers the module's routes and jobs here.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerNotificationsRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv) {}
