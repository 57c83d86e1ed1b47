// Builds the HTTP application: plugins, the access check, problem details and every module's routes.
import type { ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config';
import type { AppContext } from './context';
import { installAccessControl } from './http/access';
import { createAuthenticator } from './http/authenticate';
import { registerOpenApi } from './http/openapi';
import { installProblemHandlers } from './http/problem';
import { registerWebApps } from './http/web-apps';
import { createScheduler, type Scheduler } from './jobs/scheduler';
import { registerAccountingRoutes } from './modules/accounting/accounting.routes';
import { registerApiKeyRoutes } from './modules/api-keys/api-keys.routes';
import { registerAuthRoutes } from './modules/auth/auth.routes';
import { registerCatalogRoutes } from './modules/catalog/catalog.routes';
import { registerConnectorsRoutes } from './modules/connectors/connectors.routes';
import { registerCsvRoutes } from './modules/csv/csv.routes';
import { registerCrmRoutes } from './modules/customers/crm.routes';
import { registerCustomerRoutes } from './modules/customers/customers.routes';
import { registerErpRoutes } from './modules/erp/erp.routes';
import { registerFulfilmentRoutes } from './modules/fulfilment/fulfilment.routes';
import { registerHealthRoutes } from './modules/health/health.routes';
import { registerInventoryRoutes } from './modules/inventory/inventory.routes';
import { registerInvoicesRoutes } from './modules/invoices/invoices.routes';
import { registerLoyaltyRoutes } from './modules/loyalty/loyalty.routes';
import type { ModuleEnv } from './modules/module-env';
import { registerNotificationsRoutes } from './modules/notifications/notifications.routes';
import { registerHandoverRoutes } from './modules/orders/handover.routes';
import { registerOrdersRoutes } from './modules/orders/orders.routes';
import { registerOrdersAdminRoutes } from './modules/orders/orders-admin.routes';
import { registerStoreOrderRoutes } from './modules/orders/store-orders.routes';
import { registerPaymentsRoutes } from './modules/payments/payments.routes';
import { registerPickupRoutes } from './modules/pickup/pickup.routes';
import { registerPricingRoutes } from './modules/pricing/pricing.routes';
import { registerCouponUsesRoutes } from './modules/promotions/promotions.coupon-uses.routes';
import { registerPromotionsRoutes } from './modules/promotions/promotions.routes';
import { registerRegisterRoutes } from './modules/register/register.routes';
import { registerSalesReportRoutes } from './modules/reports/sales-reports.routes';
import { registerReturnsRoutes } from './modules/returns/returns.routes';
import { registerSupplierWebhookRoutes } from './modules/returns/supplier-webhooks.routes';
import { registerShippingRoutes } from './modules/shipping/shipping.routes';
import { registerShopsRoutes } from './modules/shops/shops.routes';
import { registerStaffRoutes } from './modules/staff/staff.routes';
import { registerStoreRoutes } from './modules/stores/stores.routes';
import { registerWebhookRoutes } from './modules/webhooks/webhooks.routes';
import { registerEventRoutes } from './outbox/events.routes';
import { startOutboxRelay } from './outbox/relay';

declare module 'fastify' {
  interface FastifyInstance {
    /** The background jobs (mail, reminders, expiry); tests run them with `app.jobs.runOnce()`. */
    jobs: Scheduler;
  }
}

const APPS_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Bodies above this size are refused with 413 before they are parsed. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Options for tests: quiet logs, no web apps. */
export interface BuildOptions {
  logger?: boolean | object;
  serveWebApps?: boolean;
}

/** Builds a ready-to-listen Fastify app on an open, migrated database. */
export async function buildApp(ctx: AppContext, config: ServerConfig, options: BuildOptions = {}) {
  const app: FastifyInstance = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  await app.register(cookie);
  installAccessControl(app, createAuthenticator(ctx));
  await registerOpenApi(app, config.version);

  const relay = await startOutboxRelay(ctx.db, (error) =>
    app.log.error({ err: error }, 'outbox relay failed'),
  );
  const openStreams = new Set<ServerResponse>();
  const endEventStreams = registerEventRoutes(app, ctx, relay, openStreams);
  const jobs = createScheduler(ctx.clock, (job, error) => app.log.error({ err: error, job }, 'job failed'));
  app.decorate('jobs', jobs);
  // Open event streams would keep the server from closing: end them first.
  app.addHook('preClose', async () => {
    endEventStreams();
    await jobs.stop();
    await relay.stop();
  });

  registerHealthRoutes(app, ctx, config);
  registerAuthRoutes(app, ctx, config);
  registerApiKeyRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerStoreRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerPricingRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  registerInventoryRoutes(app, ctx);
  registerCsvRoutes(app, ctx);
  const env: ModuleEnv = { config, jobs, relay, openStreams };
  registerPickupRoutes(app, ctx, env);
  registerPaymentsRoutes(app, ctx, env);
  registerNotificationsRoutes(app, ctx, env);
  registerOrdersRoutes(app, ctx, env);
  registerRegisterRoutes(app, ctx, env);
  registerStoreOrderRoutes(app, ctx, env);
  registerHandoverRoutes(app, ctx, env);
  registerWebhookRoutes(app, ctx, env);
  registerLoyaltyRoutes(app, ctx, env);
  registerSalesReportRoutes(app, ctx, env);
  registerCrmRoutes(app, ctx, env);
  registerPromotionsRoutes(app, ctx, env);
  registerCouponUsesRoutes(app, ctx);
  registerReturnsRoutes(app, ctx, env);
  registerSupplierWebhookRoutes(app, ctx);
  registerShippingRoutes(app, ctx, env);
  registerFulfilmentRoutes(app, ctx, env);
  registerOrdersAdminRoutes(app, ctx, env);
  registerAccountingRoutes(app, ctx, env);
  registerConnectorsRoutes(app, ctx, env);
  registerErpRoutes(app, ctx, env);
  registerInvoicesRoutes(app, ctx, env);
  registerShopsRoutes(app, ctx, env);
  if (options.serveWebApps ?? true) await registerWebApps(app, APPS_ROOT);
  await app.ready();
  if (config.runJobs) jobs.start();
  return app;
}
