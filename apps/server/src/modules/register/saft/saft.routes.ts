// GET /api/registers/:id/saft?from=YYYY-MM-DD&to=YYYY-MM-DD: the register's journal for a period as
// SAF-T Cash Register XML, for managers and owners of its store.
import { Problem } from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { MANAGERS, OWNERS } from '../../../http/access';
import type { ModuleEnv } from '../../module-env';
import { assertStaffOfStore, requireRegister } from '../device-auth';
import { RegisterParams } from '../devices.routes';
import { findRegister } from '../devices.store';
import { buildSaftExport } from './saft.service';
import { findStaffCompanyId, listCompanyRegisterIds } from './saft.store';
import { saftSecretFrom } from './saft-signature';

const SaftQuery = z.strictObject({ from: z.string(), to: z.string() });

const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"`;

/** The longest period one export covers: a year and a day (leap years). */
const MAX_DAYS = 366;

function parseLocalDate(value: string, field: string): Date {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new DomainError('validation_failed', `${field} must be a date YYYY-MM-DD.`, [
      { field, message: 'Use a real date as YYYY-MM-DD' },
    ]);
  }
  return date;
}

/** Checks the period: real dates, from ≤ to, at most a year. */
export function parseSaftPeriod(query: { from: string; to: string }): { from: string; to: string } {
  const from = parseLocalDate(query.from, 'from');
  const to = parseLocalDate(query.to, 'to');
  if (to < from) {
    throw new DomainError('validation_failed', 'to is before from.', [
      { field: 'to', message: 'Must be on or after from' },
    ]);
  }
  if ((to.getTime() - from.getTime()) / 86_400_000 >= MAX_DAYS) {
    throw new DomainError('validation_failed', 'The period is longer than a year.', [
      { field: 'to', message: `At most ${MAX_DAYS} days after from` },
    ]);
  }
  return { from: query.from, to: query.to };
}

export function registerSaftRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/registers/:id/saft', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags: ['register'],
      summary:
        'The register’s journal for a period as SAF-T Cash Register XML (Norwegian schema 1.00), managers of its store',
      params: RegisterParams,
      querystring: SaftQuery,
      response: { 200: z.string(), 400: Problem, 401: Problem, 403: Problem, 404: Problem },
    },
    handler: async (request, reply) => {
      const period = parseSaftPeriod(request.query);
      const register = await requireRegister(ctx, request.params.id);
      assertStaffOfStore(request.principal, register, MANAGERS);
      const xml = await buildSaftExport(ctx.db, {
        companyId: register.companyId,
        registers: [register],
        ...period,
        now: ctx.clock(),
        softwareVersion: env.config.version,
        secret: saftSecretFrom(env.config.saftSecret, env.config.isProduction),
      });
      return reply
        .type('application/xml; charset=utf-8')
        .header(
          'content-disposition',
          attachment(`SAF-T_Cash_Register_${register.code}_${period.from}_${period.to}.xml`),
        )
        .send(xml);
    },
  });

  r.get('/api/saft/registers', {
    config: { access: { staff: OWNERS } },
    schema: {
      tags: ['register'],
      summary: 'Every register of the company for a period as one SAF-T Cash Register XML file (owners)',
      querystring: SaftQuery,
      response: { 200: z.string(), 400: Problem, 401: Problem, 403: Problem },
    },
    handler: async (request, reply) => {
      const period = parseSaftPeriod(request.query);
      const principal = request.principal;
      if (principal?.kind !== 'staff') throw new DomainError('unauthenticated', 'Sign in first.');
      const companyId = await findStaffCompanyId(ctx.db, principal.userId);
      const registers = [];
      for (const id of await listCompanyRegisterIds(ctx.db, companyId))
        registers.push((await findRegister(ctx.db, id))!);
      const xml = await buildSaftExport(ctx.db, {
        companyId,
        registers,
        ...period,
        now: ctx.clock(),
        softwareVersion: env.config.version,
        secret: saftSecretFrom(env.config.saftSecret, env.config.isProduction),
      });
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', attachment(`SAF-T_Cash_Register_all_${period.from}_${period.to}.xml`))
        .send(xml);
    },
  });
}
