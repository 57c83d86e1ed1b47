// Accounting routes (managers and owners): GET /api/accounting/sie (the SIE 4 file for a date or a
// period), GET/PUT /api/accounting/accounts (the account mapping), POST …/accounts/import (a SIE
// file's #KONTO names as the chart of accounts), GET/PUT …/exchange-rates (kronor per unit of a
// currency per date, for converting web sales in euros).
import {
  AccountMappingList,
  ChartImportResult,
  ExchangeRate,
  ExchangeRateList,
  ExchangeRateQuery,
  Problem,
  PutAccountMappingBody,
  PutExchangeRateBody,
  SieExportQuery,
} from '@handla/api';
import { DomainError } from '@handla/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { MANAGERS } from '../../http/access';
import type { ModuleEnv } from '../module-env';
import { parseSaftPeriod } from '../register/saft/saft.routes';
import { getAccountMapping, importChartOfAccounts, putAccountMapping } from './accounting.service';
import { listExchangeRates, putExchangeRate } from './exchange-rates.service';
import { exportSie } from './sie-export.service';

const tags = ['accounting'];
/** A chart of accounts is a few hundred kB; a full SIE 4 file with years of vouchers a few MB. */
const SIE_BODY_LIMIT = 16 * 1024 * 1024;

function staffId(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind !== 'staff') throw new DomainError('unauthenticated', 'Sign in first.');
  return principal.userId;
}

/** `?date=` or `?from=&to=`: real dates, from ≤ to, at most a year. */
function periodOf(query: SieExportQuery): { from: string; to: string } {
  if (query.date !== undefined && (query.from !== undefined || query.to !== undefined)) {
    throw new DomainError('validation_failed', 'Give date, or from and to.', [
      { field: 'date', message: 'Not together with from/to' },
    ]);
  }
  if (query.date !== undefined) {
    try {
      return parseSaftPeriod({ from: query.date, to: query.date });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw new DomainError(error.code, 'date must be a date YYYY-MM-DD.', [
        { field: 'date', message: 'Use a real date as YYYY-MM-DD' },
      ]);
    }
  }
  if (query.from === undefined || query.to === undefined) {
    throw new DomainError('validation_failed', 'Give date, or from and to.', [
      { field: query.from === undefined ? 'date' : 'to', message: 'A date YYYY-MM-DD is required' },
    ]);
  }
  return parseSaftPeriod({ from: query.from, to: query.to });
}

export function registerAccountingRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  // Encapsulated: a SIE file is CP437 bytes, so these routes take text/plain as a Buffer, not the
  // UTF-8 string the CSV import's parser makes of it.
  app.register(async (scope) => {
    scope.removeContentTypeParser(['text/plain']);
    scope.addContentTypeParser(
      ['application/octet-stream', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: SIE_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/accounting/sie', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'The SIE 4 voucher file (PC8) for a local date or a period: sales, VAT and payments per day',
        description:
          'Answers application/octet-stream (a .se file). 400 names a bad date; 422 unbalanced_voucher names ' +
          'the voucher (series and number) and nothing is written.',
        querystring: SieExportQuery,
      },
      handler: async (request, reply) => {
        const period = periodOf(request.query);
        const file = await exportSie(ctx, {
          staffUserId: staffId(request),
          ...period,
          programVersion: env.config.version,
        });
        return reply
          .type('application/octet-stream')
          .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
          .send(file.bytes);
      },
    });

    r.get('/api/accounting/exchange-rates', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'Exchange rates to SEK, newest first (at most 400)',
        querystring: ExchangeRateQuery,
        response: { 200: ExchangeRateList, 400: Problem, 401: Problem, 403: Problem },
      },
      handler: async (request) => listExchangeRates(ctx, staffId(request), request.query),
    });

    r.put('/api/accounting/exchange-rates/:currency/:date', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'Set the rate to SEK of a currency on a date (replaces that day’s rate)',
        description:
          'A day’s web sales in the currency are converted at this rate, or the nearest earlier one at most ' +
          '7 days before; without one the SIE export is refused with 409 naming exchangeRate.',
        params: z.object({ currency: z.string(), date: z.string() }),
        body: PutExchangeRateBody,
        response: { 200: ExchangeRate, 400: Problem, 401: Problem, 403: Problem },
      },
      handler: async (request) => putExchangeRate(ctx, staffId(request), request.params, request.body),
    });

    r.get('/api/accounting/accounts', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'The account each daily figure is booked on (BAS defaults, the company’s overrides)',
        response: { 200: AccountMappingList, 401: Problem, 403: Problem },
      },
      handler: async (request) => getAccountMapping(ctx, staffId(request)),
    });

    r.put('/api/accounting/accounts', {
      config: { access: { staff: MANAGERS } },
      schema: {
        tags,
        summary: 'Change accounts of the mapping; account null goes back to the BAS default',
        body: PutAccountMappingBody,
        response: { 200: AccountMappingList, 400: Problem, 401: Problem, 403: Problem },
      },
      handler: async (request) => putAccountMapping(ctx, staffId(request), request.body),
    });

    r.post('/api/accounting/accounts/import', {
      config: { access: { staff: MANAGERS } },
      bodyLimit: SIE_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Import a chart of accounts: the #KONTO names of a SIE file (the body, application/octet-stream)',
        description:
          'The body is the file as application/octet-stream or text/plain, PC8 (code page 437) bytes.',
        response: { 200: ChartImportResult, 400: Problem, 401: Problem, 403: Problem, 413: Problem },
      },
      handler: async (request) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new DomainError('validation_failed', 'Send the SIE file as the body.', [
            { field: 'body', message: 'A SIE file as application/octet-stream or text/plain' },
          ]);
        }
        return importChartOfAccounts(ctx, staffId(request), request.body);
      },
    });
  });
}
