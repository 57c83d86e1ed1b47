// The register in a real browser: a cashier sells three scanned items with 10 % off one line for
// cash, the receipt's ESC/POS bytes reach the printer sink; then the network goes, two more sales
// are made, the page is reloaded offline, the network returns, and the server ends with exactly
// those sales once, stock moved and the journal verifying.
import type {
  JournalVerification,
  Product,
  ReceiptSummary,
  RegisterSettings,
  RegisterSummary,
  SkuWhereabouts,
} from '@handla/api';
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  decodeEscPos,
  printedText,
} from '../../apps/server/src/modules/register/printing/escpos-decoder.testing';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const sinkUrl = inject('sinkUrl');
const printerPort = inject('printerPort');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let cookie: string;
let registerId: string;
let items: { skuId: string; ean: string }[];
const onHandBefore = new Map<string, number>();

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function onHand(skuId: string): Promise<number> {
  return (await api<SkuWhereabouts>('GET', `/api/stock/skus/${skuId}/locations`)).totalOnHand;
}

// Scans like a keyboard-wedge scanner: the digits as fast keystrokes, then Enter.
async function scan(ean: string) {
  await page.keyboard.type(ean, { delay: 0 });
  await page.keyboard.press('Enter');
}

async function signInCashier() {
  await page.getByLabel('Personalnummer').fill('101');
  await page.keyboard.press('Enter');
  await page.getByLabel('PIN-kod').fill('1234');
  await page.keyboard.press('Enter');
  await page.getByLabel('Skanna eller sök').waitFor();
}

async function sellOneByCard(ean: string) {
  await scan(ean);
  await expect.poll(() => page.locator('.cart-line').count()).toBe(1);
  await page.getByRole('button', { name: 'Betala' }).click();
  await page.getByRole('button', { name: 'Kort', exact: true }).click();
  await page.getByRole('button', { name: 'Godkänt i terminalen' }).click();
  await page.getByRole('heading', { name: /^Kvitto \d+$/ }).waitFor();
  await page.getByRole('button', { name: 'Nästa kund' }).click();
}

beforeAll(async () => {
  const manager = DEMO_CREDENTIALS.find((c) => c.role === 'manager')!;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: manager.email, password: manager.password }),
  });
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  // The manager's store's first register (the listing endpoint: see the register contract).
  const registers = await api<{ items: RegisterSummary[] }>('GET', '/api/registers');
  registerId = registers.items.find((r) => r.storeCode === 'STHLM' && r.code === 'KASSA-1')!.id;
  const settings = await api<RegisterSettings>('GET', `/api/registers/${registerId}/settings`);
  await api('PUT', `/api/registers/${registerId}/settings`, {
    ...settings,
    printerHost: '127.0.0.1',
    printerPort,
  });

  const products = await api<{ items: Product[] }>('GET', '/api/products?limit=50');
  items = products.items
    .filter((p) => !p.isBundle)
    .flatMap((p) => p.skus.filter((s) => s.ean).map((s) => ({ skuId: s.id, ean: s.ean! })))
    .slice(0, 3);
  for (const item of items) onHandBefore.set(item.skuId, await onHand(item.skuId));

  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  const pairing = await api<{ code: string }>('POST', `/api/registers/${registerId}/pairings`);
  await page.goto(`${baseUrl}/pos/`);
  await page.getByLabel('Kopplingskod').fill(pairing.code);
  await page.getByRole('button', { name: 'Koppla enheten' }).click();
  await signInCashier();
});
afterAll(() => browser?.close());

describe('the register', () => {
  it('sells three scanned items with 10 % off one line for cash, and prints the receipt', async () => {
    await fetch(`${sinkUrl}/printer`, { method: 'DELETE' });
    // Back to back, as a cashier scans a basket.
    for (const item of items) await scan(item.ean);
    await expect.poll(() => page.locator('.cart-line').count()).toBe(3);

    await page.locator('.cart-line-select').first().click();
    await page.getByRole('button', { name: 'Rabatt på raden' }).click();
    await page.getByLabel('Rabatt i procent').fill('10');
    await page.getByLabel('Orsak').fill('Skadad');
    await page.getByRole('button', { name: 'Lägg till rabatt' }).click();
    await page
      .getByText(/Rabatt 10 %/)
      .first()
      .waitFor();

    await page.getByRole('button', { name: 'Betala' }).click();
    await page.getByRole('button', { name: 'Kontant' }).click();
    await page.getByLabel('Mottaget belopp').fill('5000');
    await page.getByRole('button', { name: 'Lägg till betalning' }).click();
    await page.getByRole('heading', { name: 'Kvitto 1' }).waitFor();
    expect(await page.locator('.change-due').textContent()).toMatch(/Växel tillbaka: [\d\s]+,00\s?kr/);
    expect(await page.locator('.receipt-paper').textContent()).toContain('Elektroniskt kassakvitto');

    await page.getByRole('button', { name: 'Skriv ut' }).click();
    await page.getByRole('status').filter({ hasText: 'Kvittot skickades till skrivaren.' }).waitFor();
    const jobs = (await (await fetch(`${sinkUrl}/printer`)).json()) as { bytesBase64: string }[];
    expect(jobs).toHaveLength(1);
    const printed = printedText(decodeEscPos(Buffer.from(jobs[0]!.bytesBase64, 'base64'))).join('\n');
    expect(printed).toContain('Demo Butik AB');
    expect(printed).toMatch(/Kvitto nr\s+1/);
    expect(printed).toContain('Rabatt 10 % (Skadad)');
    expect(printed).toMatch(/Kontant/);
    expect(printed).toMatch(/Växel/);
    expect(printed).toMatch(/Kontrollkod/);
    await page.getByRole('button', { name: 'Nästa kund' }).click();
  });

  it('sells offline, survives a reload offline, and sends each sale exactly once when back online', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.getByRole('alert').filter({ hasText: 'Offline' }).waitFor();
    await sellOneByCard(items[1]!.ean);
    await sellOneByCard(items[2]!.ean);
    await page.getByText('2 kvitton väntar på att skickas').waitFor();

    await page.reload();
    await signInCashier();
    await page.getByRole('alert').filter({ hasText: 'Offline' }).waitFor();
    await page.getByText('2 kvitton väntar på att skickas').waitFor();

    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Allt är skickat' }).waitFor({ timeout: 20_000 });

    const receipts = await api<{ items: ReceiptSummary[] }>('GET', `/api/registers/${registerId}/receipts`);
    expect(receipts.items.map((r) => r.number).sort()).toEqual([1, 2, 3]);
    const verification = await api<JournalVerification>('GET', `/api/registers/${registerId}/journal/verify`);
    expect(verification.ok).toBe(true);
    const sold = new Map([
      [items[0]!.skuId, 1],
      [items[1]!.skuId, 2],
      [items[2]!.skuId, 2],
    ]);
    for (const item of items) {
      expect(await onHand(item.skuId)).toBe(onHandBefore.get(item.skuId)! - sold.get(item.skuId)!);
    }
  });
});
