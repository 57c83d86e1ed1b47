// The register's scan-to-line time in Chromium with 100,000 SKUs cached in IndexedDB: from the
// Enter that ends a scanner's keystroke burst to the new line on screen. The built register app is
// served from apps/pos/dist; its API calls (pairing, setup) are answered in-process with the
// contract's shapes, because the figure is the browser's work (IndexedDB lookup, React render),
// not the server's — catalog.lookup.ean measures the server side. Browser work does not depend on
// the database, so it is measured once, on the PGlite pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { RegisterCatalogItem, RegisterSetup } from '@handla/api';
import { launchBrowser } from '../../../e2e/src/browser';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const SKUS = 100_000;
const SCANS = 300;
const WARM_UP = 20;
const LINES_PER_RECEIPT = 15;
const DIST = new URL('../../../apps/pos/dist/', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

// A valid EAN-13 from a 12-digit base (GS1 check digit, weights 1 and 3 from the left).
function ean13(base: string): string {
  const sum = [...base].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return base + ((10 - (sum % 10)) % 10);
}

function catalogItem(i: number): RegisterCatalogItem {
  const size = ['S', 'M', 'L', 'XL'][i % 4]!;
  return {
    skuId: `sku_b${i}`,
    sku: `B${String(Math.floor(i / 4)).padStart(5, '0')}-${size}`,
    ean: ean13(`735998${String(i).padStart(6, '0')}`),
    productId: `prd_b${Math.floor(i / 4)}`,
    name: { sv: `Stickad tröja ${Math.floor(i / 4)}`, en: `Knitted jumper ${Math.floor(i / 4)}` },
    options: { Storlek: size },
    unitPriceInclVat: 9_900 + (i % 50) * 1_000,
    regularUnitPriceInclVat: 9_900 + (i % 50) * 1_000,
    campaignId: null,
    vatRateBp: 2_500,
    taxClass: 'standard',
    warrantyText: null,
    isBundle: false,
  };
}

function setupOf(items: RegisterCatalogItem[]): RegisterSetup {
  return {
    register: { id: 'reg_bench', code: 'KASSA-1', name: 'Kassa 1', storeId: 'sto_bench' },
    store: {
      id: 'sto_bench',
      code: 'BENCH',
      name: 'Bench Butik',
      street: 'Gatan 1',
      postalCode: '111 11',
      city: 'Stockholm',
      country: 'SE',
      phone: null,
      timeZone: 'Europe/Stockholm',
      openingHours: [],
    },
    company: {
      name: 'Bench AB',
      orgNumber: '5599999991',
      vatNumber: 'SE559999999101',
      country: 'SE',
      currency: 'SEK',
      timeZone: 'Europe/Stockholm',
    },
    settings: {
      printerHost: null,
      printerPort: null,
      controlUnitSerial: null,
      isTrainingAllowed: true,
      idleLockMinutes: 240,
    },
    catalog: { pricedAt: new Date().toISOString(), items },
    quickButtons: [],
    // PIN 1234 (PBKDF2-SHA-256, 1 iteration is enough for a bench: it is checked once).
    cashiers: [
      {
        staffId: 'stf_bench',
        staffNumber: '101',
        name: 'Bench Kassör',
        role: 'cashier',
        pinHash: 'pbkdf2-sha256$1$c2FsdHNhbHRzYWx0c2FsdA$fDgraaqHygfgQA3KYbW8VLhbFDxRVVEf_WvRMYuWC-A',
      },
    ],
    discountLimits: {
      cashier: { maxPercentBp: 2_000, maxAmount: 50_000 },
      manager: { maxPercentBp: 10_000, maxAmount: 100_000_000 },
      owner: { maxPercentBp: 10_000, maxAmount: 100_000_000 },
    },
    journalHead: { sequence: 0, hash: '', receiptNumber: 0 },
    lastZ: null,
  };
}

// The built register at /pos/, and the two register calls the bench needs, from memory.
async function startAppServer(setupJson: string): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/devices/pair') {
      response.writeHead(201, { 'content-type': 'application/json' });
      return response.end(
        JSON.stringify({
          deviceId: 'dev_bench',
          deviceToken: 'token',
          registerId: 'reg_bench',
          storeId: 'sto_bench',
        }),
      );
    }
    if (url.pathname === '/api/registers/reg_bench/setup') {
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(setupJson);
    }
    if (url.pathname.startsWith('/api/')) {
      response.writeHead(404, { 'content-type': 'application/problem+json' });
      return response.end(
        JSON.stringify({
          type: 'about:blank',
          title: 'Not found',
          status: 404,
          code: 'not_found',
          errors: [],
        }),
      );
    }
    const relative = normalize(url.pathname.replace(/^\/pos\/?/, '')).replace(/^(\.\.[/\\])+/, '');
    const candidate = join(DIST, relative);
    const file =
      relative !== '.' && existsSync(candidate) && statSync(candidate).isFile()
        ? candidate
        : join(DIST, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The value at quantile `q` of ascending `sorted`. */
export const percentile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(): Promise<number[]> {
  if (!existsSync(join(DIST, 'index.html'))) {
    spawnSync('npm', ['run', 'build', '-w', '@handla/pos'], { stdio: 'inherit' });
  }
  const items = Array.from({ length: SKUS }, (_, i) => catalogItem(i + 1));
  const { server, baseUrl } = await startAppServer(JSON.stringify(setupOf(items)));
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('pos-scan: page error', error));
    await page.goto(`${baseUrl}/pos/`);
    await page.getByLabel('Kopplingskod').fill('12345678');
    await page.getByRole('button', { name: 'Koppla enheten' }).click();
    const loadStartedAt = performance.now();
    await page.getByLabel('Personalnummer').fill('101', { timeout: 300_000 });
    console.log(`pos-scan: ${SKUS} SKUs cached in ${Math.round(performance.now() - loadStartedAt)} ms`);
    await page.keyboard.press('Enter');
    await page.getByLabel('PIN-kod').fill('1234');
    await page.keyboard.press('Enter');
    await page.getByLabel('Skanna eller sök').waitFor();
    // The Enter that ends each burst starts the clock; the new row (after the next frame) stops it.
    await page.evaluate(() => {
      const w = window as unknown as { scanStartedAt: number };
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key === 'Enter') w.scanStartedAt = e.timeStamp;
        },
        true,
      );
    });
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SCANS; i++) {
      if (i % LINES_PER_RECEIPT === 0 && i > 0)
        await page.getByRole('button', { name: 'Parkera', exact: true }).click();
      // Focus outside any field: the scan is caught by the keyboard-wedge listener, as at a real till.
      await page.locator('h1').click();
      const lines = await page.locator('.cart-line').count();
      const lineShown = page.evaluate(
        (before) =>
          new Promise<number>((resolve) => {
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('.cart-line').length > before) {
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now()));
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
          }),
        lines,
      );
      lineShown.catch(() => {}); // a failure below is the one to report
      await page.keyboard.type(items[(i * 7_919) % SKUS]!.ean!, { delay: 0 });
      await page.keyboard.press('Enter');
      const shownAt = await Promise.race([
        lineShown,
        page.waitForTimeout(10_000).then(async () => {
          const status = await page.locator('.sale-status').textContent();
          throw new Error(`scan ${i}: no new line within 10 s (status: ${status})`);
        }),
      ]);
      const startedAt = await page.evaluate(
        () => (window as unknown as { scanStartedAt: number }).scanStartedAt,
      );
      if (i >= WARM_UP) times.push(shownAt - startedAt);
    }
    return times;
  } finally {
    await browser.close();
    server.close();
  }
}

export const posScanSuite: BenchSuite = {
  figures: ['pos.scan_to_line.p50_ms', 'pos.scan_to_line.p95_ms'],
  async run(target, wanted) {
    if (target.db !== 'pglite') return [];
    const sorted = (await measure()).sort((a, b) => a - b);
    const results: BenchResult[] = [
      { name: 'pos.scan_to_line.p50_ms', value: percentile(sorted, 0.5), unit: 'ms', db: target.db },
      { name: 'pos.scan_to_line.p95_ms', value: percentile(sorted, 0.95), unit: 'ms', db: target.db },
    ];
    return results.filter((r) => wanted(r.name));
  },
};
