// Placeholder: the ERP connector routes; owned by its helper.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerErpRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv): void {}
