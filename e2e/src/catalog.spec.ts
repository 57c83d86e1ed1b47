// The back office's catalog area in a real browser: a product with generated variants, a price
// edited in place, and a CSV dry run whose report names the bad row by its line number.
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  const manager = DEMO_CREDENTIALS.find((c) => c.role === 'manager')!;
  await page.goto(`${baseUrl}/admin/`);
  await page.getByLabel('E-post').fill(manager.email);
  await page.getByLabel('Lösenord').fill(manager.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
});
afterAll(() => browser?.close());

const variantRows = () => page.getByRole('table', { name: /Produktens varianter/ }).locator('tbody tr');

describe('the catalog area of the back office', () => {
  it('creates a product with two colours × two sizes and shows its four variants', async () => {
    await page.getByRole('link', { name: 'Katalog' }).click();
    await page.getByRole('link', { name: 'Ny produkt' }).click();
    await page.getByLabel('Namn (svenska)').fill('Testtröja');
    await page.getByLabel('Artikelnummer (bas)').fill('E2E-TROJA');
    await page.getByLabel(/Grundpris/).fill('299,00');
    await page.getByLabel('Kategori').selectOption({ label: 'Tröjor' });

    await page.getByRole('button', { name: 'Lägg till alternativ' }).click();
    const colour = page.getByRole('group', { name: 'Alternativ 1' });
    await colour.getByLabel('Namn (svenska)').fill('Färg');
    await colour.getByLabel('Värden').fill('Blå, Röd');
    await page.getByRole('button', { name: 'Lägg till alternativ' }).click();
    const size = page.getByRole('group', { name: 'Alternativ 2' });
    await size.getByLabel('Namn (svenska)').fill('Storlek');
    await size.getByLabel('Värden').fill('S, M');
    await page.getByText('4 varianter skapas.').waitFor();

    await page.getByRole('button', { name: 'Skapa produkten' }).click();
    await page.getByRole('heading', { name: 'Testtröja' }).waitFor();
    await expect.poll(() => variantRows().count()).toBe(4);
    const articles = await variantRows().locator('th').allTextContents();
    expect(articles).toEqual(['E2E-TROJA-BLA-S', 'E2E-TROJA-BLA-M', 'E2E-TROJA-ROD-S', 'E2E-TROJA-ROD-M']);
    expect(await variantRows().first().textContent()).toMatch(/299,00\s?kr/);
  });

  it('edits a variant’s price in place, and the new price is kept', async () => {
    await page.getByRole('button', { name: 'Ändra E2E-TROJA-ROD-M' }).click();
    await page.getByLabel('Pris E2E-TROJA-ROD-M').fill('249,50');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Varianten E2E-TROJA-ROD-M är sparad.' }).waitFor();

    await page.reload();
    const row = variantRows().filter({ hasText: 'E2E-TROJA-ROD-M' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/249,50\s?kr/);
    expect(await variantRows().filter({ hasText: 'E2E-TROJA-ROD-S' }).textContent()).toMatch(/299,00\s?kr/);
  });

  it('tests a CSV file and lists the bad row by its line number', async () => {
    await page.getByRole('link', { name: 'Import/export' }).click();
    await page.getByRole('radio', { name: 'Produkter' }).check();
    const csv = [
      'product;name_sv;sku;price',
      'e2e-mugg;E2E-mugg;E2E-MUGG-1;99,00',
      'e2e-mugg-2;E2E-mugg 2;E2E-MUGG-2;inte ett pris',
    ].join('\n');
    await page.getByLabel('CSV-fil', { exact: true }).setInputFiles({
      name: 'produkter.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Testa filen' }).click();

    const errors = page.getByRole('table', { name: 'Fel i filen' });
    await errors.waitFor();
    const rows = errors.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th').textContent()).toBe('3');
    expect(await rows.first().locator('td').first().textContent()).toBe('price');
    // A file with errors can only be tested, never imported.
    expect(await page.getByRole('button', { name: 'Importera', exact: true }).count()).toBe(0);
  });
});
