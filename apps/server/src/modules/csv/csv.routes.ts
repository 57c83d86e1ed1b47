// CSV in and out: POST /api/imports (the body is the file), GET /api/imports[/:id] for progress and
// the report, GET /api/exports/{products,prices,stock}.csv.
import { ImportJob, PriceExportQuery, Problem, StartImportQuery, StockExportQuery } from '@handla/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { assertApiKeyScope, MANAGERS } from '../../http/access';
import { exportPricesCsv, exportProductsCsv, exportStockCsv } from './csv.export';
import { getImportJob, listImportJobs, startImport } from './csv.service';

/** Import files up to this size; a 100,000-row products file is about 15 MB. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const CSV_TYPE = 'text/csv; charset=utf-8';

export function registerCsvRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT },
    (_r, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/imports', {
    config: { access: { staff: MANAGERS, apiKey: 'any' } },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['csv'],
      summary:
        'Import a CSV file (the body, as text/csv): validate only (dryRun=true, the default) or write all-or-nothing',
      querystring: StartImportQuery.extend({
        wait: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true')
          .describe('Answer when the import has finished'),
      }),
      body: z.string().describe('The CSV file; ";" or "," separated, header on line 1'),
      response: { 200: ImportJob, 202: ImportJob, 400: Problem, 413: Problem },
    },
    handler: async (request, reply) => {
      const { kind, dryRun, fileName, wait } = request.query;
      assertApiKeyScope(request.principal, kind === 'stock' ? 'stock:write' : 'catalog:write');
      const createdBy = request.principal?.kind === 'staff' ? request.principal.userId : null;
      const { job, done } = await startImport(ctx, {
        kind,
        isDryRun: dryRun,
        csvText: request.body,
        fileName,
        createdBy,
      });
      if (wait) return reply.status(200).send(await done);
      done.catch((error) => request.log.error({ err: error }, 'import failed'));
      return reply.status(202).header('location', `/api/imports/${job.id}`).send(job);
    },
  });
  r.get('/api/imports', {
    config: { access: { staff: MANAGERS } },
    schema: {
      tags: ['csv'],
      summary: 'The latest imports',
      response: { 200: z.object({ items: z.array(ImportJob) }) },
    },
    handler: async () => ({ items: await listImportJobs(ctx) }),
  });
  r.get('/api/imports/:id', {
    config: { access: { staff: MANAGERS, apiKey: 'any' } },
    schema: {
      tags: ['csv'],
      summary: 'One import: progress while it runs, then its report (errors by line) or what it wrote',
      params: z.strictObject({ id: z.string().max(100) }),
      response: { 200: ImportJob, 404: Problem },
    },
    handler: async (request) => getImportJob(ctx, request.params.id),
  });
  const csv = (name: string) => ({
    'content-type': CSV_TYPE,
    'content-disposition': `attachment; filename="${name}"`,
  });
  r.get('/api/exports/products.csv', {
    config: { access: { staff: MANAGERS, apiKey: 'catalog:read' } },
    schema: { tags: ['csv'], summary: 'All products with variants and retail prices, in the import format' },
    handler: async (_request, reply) => reply.headers(csv('products.csv')).send(await exportProductsCsv(ctx)),
  });
  r.get('/api/exports/prices.csv', {
    config: { access: { staff: MANAGERS, apiKey: 'catalog:read' } },
    schema: {
      tags: ['csv'],
      summary: 'The prices of one price list, in the import format',
      querystring: PriceExportQuery,
    },
    handler: async (request, reply) =>
      reply
        .headers(csv(`prices-${request.query.priceList}.csv`))
        .send(await exportPricesCsv(ctx, request.query.priceList)),
  });
  r.get('/api/exports/stock.csv', {
    config: { access: { staff: MANAGERS, apiKey: 'stock:read' } },
    schema: {
      tags: ['csv'],
      summary: 'On-hand per location and SKU, in the import format',
      querystring: StockExportQuery,
    },
    handler: async (request, reply) =>
      reply.headers(csv('stock.csv')).send(await exportStockCsv(ctx, request.query.location)),
  });
}
