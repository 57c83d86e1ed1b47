// The three web apps load in a real browser, and staff sign in where an app needs it.
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const account = (role: string) => DEMO_CREDENTIALS.find((c) => c.role === role)!;

async function newPage(viewport = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

async function signIn(page: Page, role: string) {
  const { email, password } = account(role);
  await page.getByLabel('E-post').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

describe('web apps in Chromium', () => {
  it('shows the shop with demo products and prices in sv-SE on a phone', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByText(/kr/).first().waitFor();
    const text = await page.locator('body').textContent();
    expect(text).toMatch(/\d+,\d{2}\s?kr/);
    // The store list loads after the products; wait for it rather than race it.
    await page.getByText('Göteborg').first().waitFor();
    await page.getByLabel('Sök produkter').fill('zzzz-no-such-product');
    await page.context().close();
  });

  it('asks an unpaired register for its pairing code', async () => {
    const page = await newPage({ width: 1024, height: 768 });
    await page.goto(`${baseUrl}/pos/`);
    await page.getByRole('heading', { name: 'Koppla kassan' }).waitFor();
    await page.getByLabel('Kopplingskod').waitFor();
    await page.context().close();
  });

  it('refuses a wrong pairing code with a visible message', async () => {
    const page = await newPage({ width: 1024, height: 768 });
    await page.goto(`${baseUrl}/pos/`);
    await page.getByLabel('Kopplingskod').fill('00000000');
    await page.getByRole('button', { name: 'Koppla enheten' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toBe('');
    await page.context().close();
  });

  it('lets a manager into the back office and keeps a cashier out', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}/admin/`);
    await signIn(page, 'manager');
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    await page.getByRole('link', { name: 'Katalog' }).click();
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await signIn(page, 'cashier');
    await page.getByText('Du saknar behörighet').waitFor();
    await page.context().close();
  });

  it('switches the language to English', async () => {
    const page = await newPage({ width: 1024, height: 768 });
    await page.goto(`${baseUrl}/pos/`);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByLabel('Pairing code').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.context().close();
  });
});
