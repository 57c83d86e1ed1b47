// The back office's registers page in a real browser: a manager opens Kassor, creates a pairing
// code for a register and sees it with the instruction; the journal check and settings errors work.
import { DEMO_CREDENTIALS } from '@handla/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const printerPort = inject('printerPort');
const manager = DEMO_CREDENTIALS.find((c) => c.role === 'manager')!;
let browser: Browser;
let page: Page;
let pairingCode: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${baseUrl}/admin/#/`);
  await page.getByLabel('E-post').fill(manager.email);
  await page.getByLabel('Lösenord').fill(manager.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('button', { name: 'Logga ut' }).waitFor();
});
afterAll(() => browser?.close());

describe('the registers page of the back office', () => {
  it('creates a pairing code and shows it with what to do on the device', async () => {
    await page.getByRole('link', { name: 'Kassor' }).first().click();
    await page.getByRole('heading', { name: 'Kassor', level: 1 }).waitFor();
    const stockholm = page.getByRole('region', { name: /STHLM/ });
    await stockholm.getByRole('link', { name: 'Kassa 2' }).click();

    await page.getByRole('button', { name: 'Skapa kopplingskod' }).click();
    const code = page.locator('.registers-pairing-code');
    await code.waitFor();
    pairingCode = (await code.textContent())?.trim() ?? '';
    expect(pairingCode).toMatch(/^\S{4,20}$/);
    await page.getByText('Öppna /pos/ på enheten och skriv in den här koden.').waitFor();
    expect(await page.getByText(/Koden gäller till/).isVisible()).toBe(true);
  });

  it('checks the journal and names a bad settings field', async () => {
    await page
      .getByRole('navigation', { name: 'Kassans delar' })
      .getByRole('link', { name: 'Journal' })
      .click();
    await page.getByRole('button', { name: 'Kontrollera nu' }).click();
    await page.getByText(/Journalen är hel: \d+ poster kontrollerade/).waitFor();

    await page
      .getByRole('navigation', { name: 'Kassans delar' })
      .getByRole('link', { name: 'Inställningar' })
      .click();
    const port = page.getByLabel('Skrivarens port');
    await port.fill('70000');
    await page.getByRole('button', { name: 'Spara inställningar' }).click();
    await page.getByText('Ange en port mellan 1 och 65535.').waitFor();
    expect(await port.getAttribute('aria-invalid')).toBe('true');

    // Rules only the server checks come back as field errors next to their input.
    await port.fill('9100');
    const serial = page.getByLabel('Kontrollenhetens tillverkningsnummer');
    await serial.fill('X'.repeat(41));
    await page.getByRole('button', { name: 'Spara inställningar' }).click();
    await page.getByRole('alert').filter({ hasText: 'Kontrollenhetens tillverkningsnummer:' }).waitFor();
    expect(await serial.getAttribute('aria-invalid')).toBe('true');
    expect(await port.getAttribute('aria-invalid')).toBeNull();

    await serial.fill('');
    await page.getByLabel('Kvittoskrivarens adress (värdnamn eller IP)').fill('127.0.0.1');
    await port.fill(String(printerPort));
    await page.getByRole('button', { name: 'Spara inställningar' }).click();
    await page.getByRole('status').filter({ hasText: 'Inställningarna är sparade.' }).waitFor();
  });

  it('pairs a device with the code; its sale shows as a receipt that prints from the office', async () => {
    const products = (await (await page.request.get(`${baseUrl}/api/products?limit=50`)).json()) as {
      items: { isBundle: boolean; skus: { ean: string | null }[] }[];
    };
    const ean = products.items
      .filter((p) => !p.isBundle)
      .flatMap((p) => p.skus.map((s) => s.ean))
      .find(Boolean)!;
    const register = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
    await register.goto(`${baseUrl}/pos/`);
    await register.getByLabel('Kopplingskod').fill(pairingCode);
    await register.getByRole('button', { name: 'Koppla enheten' }).click();
    await register.getByLabel('Personalnummer').fill('101');
    await register.keyboard.press('Enter');
    await register.getByLabel('PIN-kod').fill('1234');
    await register.keyboard.press('Enter');
    await register.getByLabel('Skanna eller sök').waitFor();
    await register.keyboard.type(ean, { delay: 0 });
    await register.keyboard.press('Enter');
    await register.getByRole('button', { name: 'Betala' }).click();
    await register.getByRole('button', { name: 'Kort', exact: true }).click();
    await register.getByRole('button', { name: 'Godkänt i terminalen' }).click();
    await register.getByRole('heading', { name: /^Kvitto \d+$/ }).waitFor();
    await register.context().close();

    const parts = page.getByRole('navigation', { name: 'Kassans delar' });
    await parts.getByRole('link', { name: 'Kvitton' }).click();
    await page.getByRole('button', { name: 'Visa kvitto 1' }).click();
    await page.getByRole('heading', { name: 'Kvitto 1' }).waitFor();
    // The sandboxed frame still loads the receipt with the manager's session.
    await page
      .frameLocator('iframe[title="Kvitto 1 som det skrevs ut"]')
      .getByText(/kvitto/i)
      .first()
      .waitFor();
    page.on('request', (req) => console.log('REQ', req.method(), req.url()));
    page.on('console', (m) => console.log('CONSOLE', m.text()));
    const printButton = page.getByRole('button', { name: 'Skriv ut på kassans skrivare' });
    // The receipt frame loads under the button; scroll first so the click lands on a settled page.
    await printButton.scrollIntoViewIfNeeded();
    await printButton.click();
    await page
      .getByRole('status')
      .filter({ hasText: /Skickat till 127\.0\.0\.1:\d+/ })
      .waitFor();
    // The original prints once; a copy must be journaled by the register, which the page says.
    await printButton.click();
    await page.getByRole('alert').filter({ hasText: 'Originalet är redan utskrivet' }).waitFor();

    await parts.getByRole('link', { name: 'Journal' }).click();
    await page.getByRole('button', { name: 'Kontrollera nu' }).click();
    await page.getByText(/Journalen är hel: [1-9]\d* poster kontrollerade/).waitFor();
  });

  it('takes an X report, lists Z reports and searches receipts against the real server', async () => {
    const parts = page.getByRole('navigation', { name: 'Kassans delar' });
    await parts.getByRole('link', { name: 'Rapporter' }).click();
    await page.getByRole('button', { name: 'Ta X-rapport nu' }).click();
    const xReport = page.getByRole('table', { name: /X-rapport för journalposterna/ });
    await xReport.waitFor();
    // The sale made at the register in the test before is in the report: one sale of 199,00 kr.
    const salesRow = xReport
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Försäljning' }) });
    expect((await salesRow.getByRole('cell').allTextContents()).map((c) => c.replace(/\s/g, ' '))).toEqual([
      '1',
      '199,00 kr',
    ]);
    await page
      .getByText('Kassan har inga Z-rapporter än.')
      .or(page.getByRole('table', { name: 'Z-rapporter, senaste först' }))
      .waitFor();

    await parts.getByRole('link', { name: 'Kvitton' }).click();
    await page.getByLabel('Kvittonummer').fill('999999');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Inga kvitton matchar sökningen.').waitFor();
  });

  it('shows sales per register on the list and links the SAF-T file', async () => {
    await page.getByRole('link', { name: /Alla kassor/ }).click();
    const sales = page.getByRole('table', { name: 'Nettoförsäljning per kassa för perioden' });
    await sales.getByRole('rowheader', { name: /KASSA-2/ }).waitFor();
    await page.getByRole('region', { name: /STHLM/ }).getByRole('link', { name: 'Kassa 2' }).click();
    await page
      .getByRole('navigation', { name: 'Kassans delar' })
      .getByRole('link', { name: 'SAF-T' })
      .click();
    const link = page.getByRole('link', { name: 'Ladda ner SAF-T för perioden' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/api\/registers\/[^/]+\/saft\?from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d$/);
    // This month's sale is in a period the manager picks; the file downloads with the session.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('Från och med').fill(`${today.slice(0, 8)}01`);
    await page.getByLabel('Till och med').fill(today);
    const download = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('<');
  });
});
