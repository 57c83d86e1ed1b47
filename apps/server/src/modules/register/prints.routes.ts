// Prints that are journal entries only: a pro-forma (EJ KVITTO) and the drawer kick after a
// journaled opening without a sale. The register's device, or managers of its store.
import { PrintResult, Problem } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import { requireDeviceOrStaff, requireRegister } from './device-auth';
import { kickDrawer, printProForma } from './print.service';

const tags = ['register'];
const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export function registerPrintRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/registers/:id/pro-forma/:proFormaId/print', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Print a journaled pro-forma (receipt.pro_forma), marked EJ KVITTO: its device, or managers',
      params: z.strictObject({ id: z.string().min(1), proFormaId: z.string().min(1).max(100) }),
      response: { 200: PrintResult, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      return printProForma(ctx, register, request.params.proFormaId);
    },
  });
  r.post('/api/registers/:id/drawer/kick', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Open the drawer after a journaled drawer.open (within 5 minutes): its device, or managers',
      params: z.strictObject({ id: z.string().min(1) }),
      body: z.strictObject({ commandId: z.string().min(1).max(100) }),
      response: { 200: PrintResult, ...problems },
    },
    handler: async (request) => {
      const register = await requireRegister(ctx, request.params.id);
      await requireDeviceOrStaff(ctx, request, register, MANAGERS);
      return kickDrawer(ctx, register, request.body.commandId);
    },
  });
}
