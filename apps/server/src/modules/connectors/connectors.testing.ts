// CONTRACT READY
// Test and bench helpers for the 3PL connector, over real HTTP (an in-process app after
// `app.listen`, or a server process): connect the `3PL-BORAS` location as the home-delivery
// warehouse, stock it, place paid home-delivery orders that it fulfils, and post signed messages.
import type {
  CheckoutResult,
  ConnectorWithSecret,
  Product,
  StockLocation,
  WmsInboundBody,
  WmsInboundResult,
} from '@handla/api';
import { callAs, type StaffSession } from '../../testing/http-driver';
import { signedHeaders } from './http-sender';

/** Test-provider card token that is approved (payments/test-provider/cards.ts). */
export const APPROVED_CARD = 'tok_test_approve_0123456789ABCDEF';

/** The demo seed's third-party location. */
export const DEMO_3PL_CODE = '3PL-BORAS';

/** A connected 3PL: the connector (with its secret), its location, and SKUs in stock there with prices. */
export interface WmsSetup {
  connector: ConnectorWithSecret;
  locationId: string;
  skus: { id: string; sku: string; price: number }[];
}

/**
 * Connects `3PL-BORAS` to a warehouse at `baseUrl` and routes home deliveries to it, then stocks
 * `skuCount` SKUs there with `units` each. `session` must be a manager's (or owner's).
 */
export async function setUpWms(
  session: StaffSession,
  options: { baseUrl: string; skuCount?: number; units?: number },
): Promise<WmsSetup> {
  const { items: locations } = await callAs<{ items: StockLocation[] }>(session, 'GET', '/api/locations');
  const location = locations.find((l) => l.code === DEMO_3PL_CODE);
  if (!location) throw new Error(`no ${DEMO_3PL_CODE} location`);
  const connector = await callAs<ConnectorWithSecret>(session, 'POST', '/api/connectors', {
    locationId: location.id,
    baseUrl: options.baseUrl,
    isHomeDelivery: true,
  });
  const { items: products } = await callAs<{ items: Product[] }>(session, 'GET', '/api/products?limit=100');
  const skus = products
    .filter((p) => !p.isBundle)
    .flatMap((p) => p.skus.map((s) => ({ id: s.id, sku: s.sku, price: s.priceInclVat.amount })))
    .filter((s) => s.price > 0)
    .slice(0, options.skuCount ?? 3);
  for (const sku of skus) {
    await callAs(session, 'POST', '/api/stock/receipts', {
      skuId: sku.id,
      locationId: location.id,
      quantity: options.units ?? 1000,
      reason: 'Stock at the 3PL for tests',
    });
  }
  return { connector, locationId: location.id, skus };
}

/** A paid (authorized) home delivery of `quantities[i]` units of `setup.skus[i]`, fulfilled by the 3PL. */
export async function placeWmsOrder(
  baseUrl: string,
  setup: WmsSetup,
  quantities: number[],
  checkoutId = `wms_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`,
): Promise<CheckoutResult> {
  const response = await fetch(`${baseUrl}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      checkoutId,
      locale: 'sv',
      customer: { name: 'Bo Berg', email: 'bo@example.se', phone: '070-765 43 21' },
      lines: quantities.map((quantity, i) => ({
        skuId: setup.skus[i]!.id,
        quantity,
        unitPrice: setup.skus[i]!.price,
      })),
      fulfilment: {
        kind: 'delivery',
        shippingMethodId: 'shm_postnord_home',
        address: {
          name: 'Bo Berg',
          street: 'Storgatan 2',
          postalCode: '411 01',
          city: 'Göteborg',
          country: 'SE',
        },
      },
      payment: { method: 'card', cardToken: APPROVED_CARD },
    }),
  });
  if (response.status !== 201) throw new Error(`checkout: ${response.status} ${await response.text()}`);
  return (await response.json()) as CheckoutResult;
}

/** POSTs `body` to the connector's inbound endpoint, signed with its secret; returns status and JSON. */
export async function postWmsMessages(
  baseUrl: string,
  connector: Pick<ConnectorWithSecret, 'id' | 'secret'>,
  body: WmsInboundBody | Record<string, unknown>,
  options: { secret?: string; messageId?: string } = {},
): Promise<{ status: number; json: WmsInboundResult & Record<string, unknown> }> {
  const raw = JSON.stringify(body);
  const id = options.messageId ?? `wh_${Date.now()}_${Math.random().toString(36).slice(2, 10)}`;
  const response = await fetch(`${baseUrl}/api/connectors/${connector.id}/messages`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...signedHeaders(options.secret ?? connector.secret, id, new Date(), raw),
    },
    body: raw,
  });
  return { status: response.status, json: (await response.json()) as never };
}
