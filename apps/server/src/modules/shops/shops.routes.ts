// Placeholder: the several web shops routes; owned by its helper.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';

export function registerShopsRoutes(_app: FastifyInstance, _ctx: AppContext, _env: ModuleEnv): void {}
