// The set-up both home-delivery specs share: three products of different categories stocked at
// the location that fulfils home deliveries, the shopper's order on a phone paid by card, and the
// shopper's mail from the SMTP sink.
import type { Product } from '@handla/api';
import type { Page } from 'playwright-core';
import type { SinkMail } from './sinks';

/** A staff call to the server: `callAs` bound to a signed-in manager. */
export type StaffApi = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export interface HomeShopper {
  name: string;
  email: string;
  street: string;
  postalCode: string;
  city: string;
}

/** Three single-variant products with a price, of different categories. */
export async function pickThree(api: StaffApi): Promise<Product[]> {
  const { items } = await api<{ items: Product[] }>('GET', '/api/products?limit=200');
  const picked: Product[] = [];
  for (const product of items) {
    if (product.isBundle || product.skus.length !== 1 || product.skus[0]!.priceInclVat.amount <= 0) continue;
    if (picked.some((p) => p.category?.id === product.category?.id)) continue;
    picked.push(product);
    if (picked.length === 3) return picked;
  }
  throw new Error('the demo data has no three single-variant products');
}

/** Receives five of each product at the location, so the checkout can reserve them there. */
export async function stockUp(
  api: StaffApi,
  products: readonly Product[],
  locationId: string,
  reason: string,
) {
  for (const product of products) {
    await api('POST', '/api/stock/receipts', { skuId: product.skus[0]!.id, locationId, quantity: 5, reason });
  }
}

/**
 * The shopper orders one of each product for home delivery and pays by card. `beforePay` runs with
 * the form filled, just before "Slutför köpet". Returns the order's status token and number.
 */
export async function orderForHomeDelivery(
  page: Page,
  o: {
    baseUrl: string;
    products: readonly Product[];
    shopper: HomeShopper;
    beforePay?: () => Promise<unknown>;
  },
): Promise<{ token: string; number: string }> {
  for (const product of o.products) {
    await page.goto(`${o.baseUrl}/#/product/${product.slug}`);
    await page.getByRole('heading', { level: 1, name: product.name.sv }).waitFor();
    await page.getByRole('button', { name: 'Lägg i varukorgen' }).click();
    await page.getByText('ligger i varukorgen').waitFor();
  }
  await page.goto(`${o.baseUrl}/#/checkout`);
  await page.getByLabel('Namn').fill(o.shopper.name);
  await page.getByLabel('E-post').fill(o.shopper.email);
  await page.getByRole('radio', { name: 'Hemleverans' }).check();
  await page.getByLabel('Gatuadress', { exact: true }).fill(o.shopper.street);
  await page.getByLabel('Postnummer', { exact: true }).fill(o.shopper.postalCode);
  await page.getByLabel('Ort', { exact: true }).fill(o.shopper.city);
  await page.getByRole('group', { name: 'Fraktsätt' }).getByRole('radio').first().check();
  await page.getByLabel('Kortnummer').fill('4111 1111 1111 1111');
  await page.getByLabel('Giltig till').fill('12/30');
  await page.getByLabel('CVC').fill('123');
  await o.beforePay?.();
  await page.getByRole('button', { name: 'Slutför köpet' }).click();
  await page.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor();
  const token = page.url().match(/#\/order\/([A-Za-z0-9_-]+)/)![1]!;
  const number = (await page.locator('.order-number').textContent())!.replace('Order ', '').trim();
  return { token, number };
}

/** The mails the SMTP sink has caught for this address. */
export async function mailsTo(sinkUrl: string, email: string): Promise<SinkMail[]> {
  return ((await (await fetch(`${sinkUrl}/mail`)).json()) as SinkMail[]).filter((m) => m.to.includes(email));
}
