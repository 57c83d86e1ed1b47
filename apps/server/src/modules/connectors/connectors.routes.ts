// Placeholder: the 3PL warehouse connector routes; owned by its helper.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerConnectorsRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv): void {}
