// The back office's stock area in a real browser: an adjustment with its reason shows up in the
// SKU's movement history, and a transfer received one unit short records and shows the difference.
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const manager = DEMO_CREDENTIALS.find((c) => c.role === 'manager')!;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${baseUrl}/admin/#/stock`);
  await page.getByLabel('E-post').fill(manager.email);
  await page.getByLabel('Lösenord').fill(manager.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
});
afterAll(() => browser?.close());

describe('the stock area of the back office', () => {
  it('adjusts stock with a reason, and the adjustment shows in the movement history', async () => {
    const stockNav = page.getByRole('navigation', { name: 'Lagrets delar' });
    await stockNav.getByRole('link', { name: 'Lagersaldo' }).click();
    // The manager's own store is the location chosen first.
    expect(await page.getByLabel('Lagerplats').locator('option:checked').textContent()).toContain(
      'Stockholm',
    );
    await page.getByLabel('Sök artikel').fill('KO-MUG');
    await page.getByRole('link', { name: 'KO-MUG', exact: true }).click();
    await page.getByRole('heading', { name: /KO-MUG · Mugg Stengods/ }).waitFor();

    await page.getByLabel('Ändring (+ eller −)').fill('-2');
    await page.getByLabel('Orsak', { exact: true }).fill('Trasiga vid uppackning');
    await page.getByRole('button', { name: 'Justera saldo' }).click();
    await page.getByRole('status').filter({ hasText: 'Justerat med' }).waitFor();

    const history = page.getByRole('table', { name: /Rörelsehistorik/ });
    const row = history.getByRole('row').filter({ hasText: 'Trasiga vid uppackning' });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    // Intl writes negative numbers with a real minus sign (U+2212).
    expect(cells).toEqual(['Justering', '−2', 'Trasiga vid uppackning', '–', manager.name]);
  });

  it('sends a transfer, receives it one unit short, and shows the difference', async () => {
    const stockNav = page.getByRole('navigation', { name: 'Lagrets delar' });
    await stockNav.getByRole('link', { name: 'Flyttar' }).click();
    await page.getByRole('link', { name: 'Ny flytt' }).click();
    // The form picks the manager's own store once the locations have loaded.
    const from = page.getByLabel('Från', { exact: true });
    await expect.poll(() => from.locator('option:checked').textContent()).toContain('Stockholm');
    await page
      .getByLabel('Till', { exact: true })
      .selectOption({ label: 'Butikslager Göteborg (GBG-BUTIK)' });
    // Typing the article number and Enter, as a scanner would.
    const picker = page.getByLabel('Lägg till artikel (sök eller skanna)');
    await picker.fill('KO-KAN');
    await picker.press('Enter');
    const quantity = page.getByRole('spinbutton', { name: /Antal.*KO-KAN/ });
    await quantity.fill('3');
    await page.getByRole('button', { name: 'Spara utkast' }).click();

    await page
      .getByRole('heading', { name: 'Flytt från Butikslager Stockholm till Butikslager Göteborg' })
      .waitFor();
    await page.getByText('Utkast', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Skicka' }).click();
    await page.getByRole('status').filter({ hasText: 'Flytten är skickad' }).waitFor();

    const received = page.getByRole('spinbutton', { name: /Mottaget.*KO-KAN/ });
    expect(await received.inputValue()).toBe('3');
    await received.fill('2');
    await page.getByText('Rader med differens: 1').waitFor();
    await page.getByRole('button', { name: 'Ta emot flytten' }).click();
    await page.getByRole('status').filter({ hasText: 'Flytten är mottagen' }).waitFor();

    const lines = page.getByRole('table', { name: 'Rader' });
    const line = lines.getByRole('row').filter({ hasText: 'KO-KAN' });
    const cells = await line.getByRole('cell').allTextContents();
    expect(cells.map((c) => c.trim())).toEqual(['3', '2', '−1']);
    await page.getByText('Mottagen', { exact: true }).first().waitFor();
    await page.getByText('Rader med differens: 1').waitFor();
  });
});
