// The register module's routes: devices and cashiers, commands, receipts and the journal.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';
import type { ModuleEnv } from '../module-env';
import { registerDeviceRoutes } from './devices.routes';
import { registerGiftCardRoutes } from './gift-cards.routes';
import { registerPrintRoutes } from './prints.routes';
import { registerReceiptRoutes } from './receipts.routes';
import { registerCouponRoutes } from './register-coupons.routes';
import { registerReportRoutes } from './reports.routes';
import { registerSaftRoutes } from './saft/saft.routes';
import { registerVoucherRoutes } from './vouchers.routes';

export function registerRegisterRoutes(app: FastifyInstance, ctx: AppContext, env: ModuleEnv) {
  registerDeviceRoutes(app, ctx);
  registerReceiptRoutes(app, ctx);
  registerGiftCardRoutes(app, ctx);
  registerVoucherRoutes(app, ctx);
  registerPrintRoutes(app, ctx);
  registerSaftRoutes(app, ctx, env);
  registerReportRoutes(app, ctx);
  registerCouponRoutes(app, ctx);
}
