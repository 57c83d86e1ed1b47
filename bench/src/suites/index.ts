// Every benchmark suite; add a line here for a new one.
import { catalogSuite } from './catalog';
import { checkoutSuite } from './checkout';
import { importSuite } from './import';
import { posScanSuite } from './pos-scan';
import { pricingSuite } from './pricing';
import { promotionsSuite } from './promotions';
import { registerSuite } from './register';
import { releaseSuite } from './release';
import { reportsSuite } from './reports';
import { serverSuite } from './server';
import { sieSuite } from './sie';
import { slotsSuite } from './slots';
import { stockSuite } from './stock';
import type { BenchSuite } from './suite';
import { webToRegisterSuite } from './web-to-register';
import { webhooksSuite } from './webhooks';
import { wmsSyncSuite } from './wms-sync';

export const SUITES: readonly BenchSuite[] = [
  serverSuite,
  importSuite,
  stockSuite,
  catalogSuite,
  pricingSuite,
  slotsSuite,
  checkoutSuite,
  registerSuite,
  posScanSuite,
  webToRegisterSuite,
  webhooksSuite,
  sieSuite,
  reportsSuite,
  promotionsSuite,
  releaseSuite,
  wmsSyncSuite,
];
