// GET /api/staff: the staff list, for managers.
import { StaffUser } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { listActiveStaff } from './staff.store';

export function registerStaffRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get('/api/staff', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags: ['staff'],
      summary: 'List staff members',
      response: { 200: z.object({ items: z.array(StaffUser) }) },
    },
    handler: async () => ({ items: await listActiveStaff(ctx.db) }),
  });
}
