// The web shop on a phone. The headline flow: a shopper orders two items for pickup at the earliest
// time a store offers (now + its 30-minute lead time), pays with the test card and sees the
// confirmation with its QR code; the e-mail reaches the SMTP sink, the stock at the store is
// reserved, and the QR code decodes to the pickup code printed on the page. Then the ways it can go
// wrong or differ: a declined card, a lost answer and a second tap, an account with "order again",
// and Swish on a phone and on a computer.
import { writeFileSync } from 'node:fs';
import type { Order, PickupSlotDay, Product, SkuAvailability, Store } from '@handla/api';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const sinkUrl = inject('sinkUrl');
const SHOPPER = { name: 'Anna Andersson', email: 'anna.e2e@example.se' };
// `UPDATE_SCREENSHOTS=1 npm run test:e2e` refreshes the README's picture of the shop on a phone.
const SCREENSHOT = new URL('../../docs/screenshots/shop-phone.png', import.meta.url).pathname;

/** A pattern for an amount in öre as the shop writes it: "999,00 kr" (the space may be non-breaking). */
const kr = (amount: number) =>
  `${Math.floor(amount / 100)
    .toLocaleString('sv-SE')
    .replace(/\s/g, '\\s')},${String(amount % 100).padStart(2, '0')}\\s?kr`;

let browser: Browser;
let page: Page;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const availableAt = async (skuId: string, storeId: string) =>
  (await getJson<SkuAvailability>(`/api/stock/skus/${skuId}/availability`)).stores.find(
    (s) => s.storeId === storeId,
  )?.available ?? 0;

/** Two products of different kinds with a variant in stock at the store, so the order can reserve them. */
async function pickTwoInStock(storeId: string) {
  const { items } = await getJson<{ items: Product[] }>('/api/products?limit=200');
  const picked: { product: Product; sku: Product['skus'][number]; before: number }[] = [];
  for (const product of items) {
    if (product.isBundle || picked.some((p) => p.product.category?.id === product.category?.id)) continue;
    for (const sku of product.skus) {
      const before = await availableAt(sku.id, storeId);
      if (before >= 2) {
        picked.push({ product, sku, before });
        break;
      }
    }
    if (picked.length === 2) return picked;
  }
  throw new Error('the demo data has no two products in stock at the store');
}

/** Puts one of a single-variant product in the cart and fills the checkout up to the payment. */
async function checkoutOne(on: Page, storeName: string, email: string) {
  const { items } = await getJson<{ items: Product[] }>('/api/products?q=Kaffebryggare');
  await on.goto(`${baseUrl}/#/product/${items[0]!.slug}`);
  await on.getByRole('button', { name: 'Lägg i varukorgen' }).click();
  await on.goto(`${baseUrl}/#/checkout`);
  await on.getByLabel('Namn').fill(SHOPPER.name);
  await on.getByLabel('E-post').fill(email);
  await on.getByRole('radio', { name: new RegExp(storeName) }).check();
  await on.locator('.slot-button:not(.slot-asap) input').first().check();
}

async function fillCard(on: Page, number: string) {
  await on.getByLabel('Kortnummer').fill(number);
  await on.getByLabel('Giltig till').fill('12/30');
  await on.getByLabel('CVC').fill('123');
}

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'sv-SE',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});
afterAll(() => browser?.close());

describe('the web shop on a phone', () => {
  it('orders two items for pickup, pays by card, confirms with a QR code, mails and reserves', async () => {
    const { items: stores } = await getJson<{ items: Store[] }>('/api/stores');
    const store = stores.find((s) => s.city === 'Stockholm')!;
    const picked = await pickTwoInStock(store.id);
    const startedAt = Date.now();

    // Browse to each product, choose its variant and the store, and put it in the cart.
    for (const { product, sku, before } of picked) {
      await page.goto(`${baseUrl}/#/product/${product.slug}`);
      await page.getByRole('heading', { level: 1, name: product.name.sv }).waitFor();
      for (const [option, value] of Object.entries(sku.options)) {
        // A value that does not go with the other choices so far carries a hidden note in its name.
        const name = new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`);
        await page.getByRole('group', { name: option }).getByRole('radio', { name }).check();
      }
      await page.getByLabel('Lager i butik').selectOption(store.id);
      await page.getByText(`${before} i lager i ${store.city}`).waitFor();
      await page.getByRole('button', { name: 'Lägg i varukorgen' }).click();
      await page.getByText('ligger i varukorgen').waitFor();
    }

    // The cart survives a reload and leads to the checkout.
    await page.goto(`${baseUrl}/#/cart`);
    await page.reload();
    await expect.poll(() => page.locator('.cart-line').count()).toBe(2);
    expect(await page.getByRole('link', { name: /^Varukorg/ }).textContent()).toContain('2');
    await page.getByRole('link', { name: 'Till kassan' }).click();

    await page.getByLabel('Namn').fill(SHOPPER.name);
    await page.getByLabel('E-post').fill(SHOPPER.email);
    await page.getByRole('radio', { name: new RegExp(store.name) }).check();

    // The earliest offered time is the store's lead time (30 minutes) from now.
    const day = await getJson<PickupSlotDay>(`/api/stores/${store.id}/pickup-slots?items=2`);
    const earliest = day.slots[0]!;
    expect(new Date(earliest.startsAt).getTime()).toBeGreaterThanOrEqual(startedAt + 30 * 60_000 - 60_000);
    if (day.date === new Date(startedAt).toISOString().slice(0, 10) && day.asap) {
      expect(new Date(earliest.startsAt).getTime()).toBeLessThan(startedAt + 60 * 60_000);
    }
    await page.getByRole('radio', { name: `${earliest.localStart}–${earliest.localEnd}` }).check();

    await page.getByLabel('Kortnummer').fill('4111 1111 1111 1111');
    await page.getByLabel('Giltig till').fill('12/30');
    await page.getByLabel('CVC').fill('123');
    await page.getByRole('button', { name: 'Slutför köpet' }).click();

    // The confirmation: number, store, time on the store's clock, lines, QR and pickup code.
    await page.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor();
    const orderNumber = (await page.locator('.order-number').textContent())!.replace('Order ', '');
    const pickupCode = (await page.locator('.pickup-code-text').textContent())!.trim();
    expect(orderNumber).toMatch(/^\d+$/);
    expect(pickupCode.length).toBeGreaterThan(3);
    const body = (await page.locator('main').textContent())!;
    expect(body).toContain(store.name);
    expect(body).toContain(store.street);
    expect(body).toContain(`${earliest.localStart}–${earliest.localEnd}`);
    expect(body).toMatch(/varav moms 25\s?%/);
    for (const { product } of picked) expect(body).toContain(product.name.sv);
    expect(await page.locator('.cart-badge').textContent()).toBe('0');

    // The QR code, as the browser shows it, decodes to the pickup code.
    const qr = page.getByRole('img', { name: /QR-kod för hämtning/ });
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(pickupCode);

    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(SCREENSHOT, await page.screenshot());

    // The stock of both items is reserved at that store.
    for (const { sku, before } of picked) {
      expect(await availableAt(sku.id, store.id)).toBe(before - 1);
    }

    // The confirmation e-mail reaches the SMTP sink, with the order number and the QR code.
    type Mail = {
      to: string[];
      subject: string;
      text: string;
      attachments: { contentType: string; contentBase64: string }[];
    };
    const mailTo = async () =>
      ((await (await fetch(`${sinkUrl}/mail`)).json()) as Mail[]).find(
        (m) => m.to.includes(SHOPPER.email) && m.subject.includes(orderNumber),
      );
    await expect.poll(mailTo, { timeout: 20_000 }).toBeDefined();
    const mail = (await mailTo())!;
    const images = mail.attachments.filter((a) => a.contentType.startsWith('image/'));
    expect(images.length).toBeGreaterThan(0);
    const mailQr = images.find((a) => a.contentType === 'image/png');
    if (mailQr) {
      const image = PNG.sync.read(Buffer.from(mailQr.contentBase64, 'base64'));
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(pickupCode);
    }

    // The status page from the e-mail shows the same order without signing in.
    const statusLink = mail.text.match(/https?:\/\/\S+#\/order\/[A-Za-z0-9_-]+/)?.[0];
    expect(statusLink).toBeDefined();
    await page.goto(statusLink!.replace(/^https?:\/\/[^/]+/, baseUrl));
    await page.getByText(`Order ${orderNumber}`).waitFor();
  });

  it('shows a declined card at the payment, and the next card goes through', async () => {
    await checkoutOne(page, 'Demo Butik Stockholm', 'declined.e2e@example.se');
    await fillCard(page, '4000 0000 0000 0002');
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Betalningen nekades' }).waitFor();
    expect(await page.locator('#payment-error').textContent()).toContain('Betalningen nekades');
    expect(await page.locator('.cart-line').count()).toBe(1);

    await fillCard(page, '4111 1111 1111 1111');
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    await page.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor();
  });

  it('offers paying in the store only at a store that takes it', async () => {
    await checkoutOne(page, 'Demo Butik Stockholm', 'instore.e2e@example.se');
    const payInStore = page.getByRole('radio', { name: 'Betala i butiken' });
    await payInStore.check();
    // Göteborg does not take payment at pickup (demo data): the choice goes, and card is chosen.
    await page.getByRole('radio', { name: /Demo Butik Göteborg/ }).check();
    await expect.poll(() => payInStore.count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Kort' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /Demo Butik Stockholm/ }).check();
    await payInStore.waitFor();
  });

  it('sends a card that needs confirming to the provider’s page and back to the confirmation', async () => {
    await checkoutOne(page, 'Demo Butik Stockholm', 'confirm.e2e@example.se');
    await fillCard(page, '4000 0000 0000 3220');
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    // The test provider's 3-D Secure page, on the server's public URL (PORT=0: the port it got).
    await page.waitForURL(/\/api\/payments\/test\/confirm\//);
    expect(new URL(page.url()).origin).toBe(new URL(baseUrl).origin);
    await page.getByRole('button', { name: /Godkänn/ }).click();
    // Back in the shop, on the order's status page, paid and placed.
    await page.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor();
    expect(page.url()).toMatch(new RegExp(`^${baseUrl}/?#/order/`));
    expect((await page.locator('.pickup-code-text').textContent())!.trim().length).toBeGreaterThan(3);
    expect(await page.getByRole('status').filter({ hasText: 'Väntar på betalning' }).count()).toBe(0);
  });

  it('places one order when the answer is lost and the shopper taps again', async () => {
    const { items: stores } = await getJson<{ items: Store[] }>('/api/stores');
    const store = stores.find((s) => s.city === 'Stockholm')!;
    const { items } = await getJson<{ items: Product[] }>('/api/products?q=Kaffebryggare');
    const skuId = items[0]!.skus[0]!.id;
    const before = await availableAt(skuId, store.id);
    await checkoutOne(page, store.name, 'retry.e2e@example.se');
    await fillCard(page, '4111 1111 1111 1111');
    // The first checkout reaches the server, but its answer never reaches the phone.
    let lost = 0;
    await page.route('**/api/checkout', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kunde inte nå servern' }).waitFor();
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    await page.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor();
    await page.unroute('**/api/checkout');
    expect(lost).toBe(2);
    expect(await availableAt(skuId, store.id)).toBe(before - 1);
  });

  it('re-checks the prices of a saved cart against the server when it opens', async () => {
    const { items } = await getJson<{ items: Product[] }>('/api/products?q=Kaffebryggare');
    const product = items[0]!;
    const sku = product.skus[0]!;
    // A cart saved yesterday, at a price that is no longer the price.
    const stale = [
      {
        skuId: sku.id,
        quantity: 1,
        unitPrice: sku.priceInclVat.amount - 10000,
        currency: 'SEK',
        productSlug: product.slug,
        productName: product.name,
        variantName: null,
        imageUrl: null,
      },
    ];
    await page.goto(`${baseUrl}/#/cart`);
    await page.evaluate((cart) => localStorage.setItem('handla.shop.cart', JSON.stringify(cart)), stale);
    await page.reload();
    const now = sku.priceInclVat.amount;
    await page
      .getByText(new RegExp(`Priset på Kaffebryggare har ändrats från ${kr(now - 10000)} till ${kr(now)}`))
      .waitFor();
    // The line's new price (the total may carry a promotion, e.g. the demo's 10 % on the kitchen).
    expect(await page.locator('.cart-line-unit').textContent()).toMatch(new RegExp(kr(now)));
    await page.getByRole('button', { name: 'Ta bort Kaffebryggare' }).click();
    await page.getByText('Varukorgen är tom.').waitFor();
  });

  it('signs a shopper up, lists their order and puts it in the cart again', async () => {
    const email = `konto.${Date.now()}@example.se`;
    await page.goto(`${baseUrl}/#/account`);
    await page.getByRole('button', { name: 'Ny kund? Skapa ett konto' }).click();
    await page.getByLabel('Namn').fill(SHOPPER.name);
    await page.getByLabel('E-post').fill(email);
    await page.getByLabel('Lösenord').fill('ett-langt-losenord');
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByText(`Inloggad som ${SHOPPER.name}`).waitFor();

    // Signed in, the checkout already knows who is ordering.
    await checkoutOne(page, 'Demo Butik Stockholm', email);
    await page.getByLabel('E-post').fill('');
    await page.reload();
    await expect.poll(() => page.getByLabel('E-post').inputValue()).toBe(email);
    await page.locator('.slot-button:not(.slot-asap) input').first().check();
    await fillCard(page, '4111 1111 1111 1111');
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    const number = (await page.locator('.order-number').textContent())!;

    await page.goto(`${baseUrl}/#/account`);
    await page.getByRole('link', { name: number }).waitFor();
    await page
      .getByRole('button', { name: /Beställ igen/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Varukorg' }).waitFor();
    expect(await page.locator('.cart-line').count()).toBe(1);
    expect(await page.locator('.cart-line').textContent()).toContain('Kaffebryggare');
    await page.getByRole('button', { name: 'En färre Kaffebryggare' }).click();

    await page.goto(`${baseUrl}/#/account`);
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
  });

  it('asks a Swish payment of the app on a phone and shows a QR code on a computer', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'sv-SE',
      isMobile: true,
      hasTouch: true,
    });
    const onPhone = await phone.newPage();
    await checkoutOne(onPhone, 'Demo Butik Stockholm', 'swish.e2e@example.se');
    await onPhone.getByRole('radio', { name: 'Swish' }).check();
    await onPhone.getByLabel('Mobilnummer för Swish').fill('070-000 00 00');
    await onPhone.getByRole('button', { name: 'Slutför köpet' }).click();
    await onPhone.getByRole('heading', { name: 'Nästan klart – godkänn betalningen' }).waitFor();
    expect(await onPhone.getByRole('status').filter({ hasText: 'Väntar på betalning' }).count()).toBe(1);
    expect(await onPhone.getByRole('link', { name: 'Öppna Swish' }).getAttribute('href')).toBeTruthy();
    // No pickup code until the order is paid.
    expect(await onPhone.locator('.pickup-code-text').count()).toBe(0);

    // The test number the simulated app approves: its callback reaches the server's public URL
    // (PORT=0 included) and the waiting page turns into the confirmation by itself.
    const approving = await phone.newPage();
    await checkoutOne(approving, 'Demo Butik Stockholm', 'swish.paid.e2e@example.se');
    await approving.getByRole('radio', { name: 'Swish' }).check();
    await approving.getByLabel('Mobilnummer för Swish').fill('0701234567');
    await approving.getByRole('button', { name: 'Slutför köpet' }).click();
    await approving.getByRole('heading', { name: 'Tack för din beställning!' }).waitFor({ timeout: 20_000 });
    expect((await approving.locator('.pickup-code-text').textContent())!.trim().length).toBeGreaterThan(3);
    const token = approving.url().match(/#\/order\/([A-Za-z0-9_-]+)/)?.[1];
    expect(token).toBeDefined();
    const order = await getJson<Order>(`/api/orders/status/${token}`);
    expect(order).toMatchObject({ status: 'placed', payment: { method: 'swish', status: 'authorized' } });
    await phone.close();

    // A computer has no Swish app: the same step shows a QR code to scan with the phone.
    await checkoutOne(page, 'Demo Butik Stockholm', 'swish.qr.e2e@example.se');
    await page.getByRole('radio', { name: 'Swish' }).check();
    await page.getByRole('button', { name: 'Slutför köpet' }).click();
    const qr = page.getByRole('img', { name: 'QR-kod för Swish-betalningen' });
    await qr.waitFor();
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
  });
});
