import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import { appendEntry, giftCardLineDraft, type SaleLineDraft, signerFromPrivateKey } from '@handla/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../testing/test-app';
import { demoRegister, expectProblem, pairTestDevice, send, type TestDevice } from '../register.testing';
import { SimulatedRegister } from '../simulated-register.testing';
import { localDateTime } from './saft-format';
import { registerSigningKey, saftSecretFrom, signTransaction } from './saft-signature';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../../..');
const SCHEMA = resolve(
  repoRoot,
  '../shared/standards/saf-t-cash-register/Norwegian_SAF-T_Cash_Register_Schema_v_1.00.xsd',
);

/** Runs the official schema over `text` with xmllint. */
function xmllint(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'saft-')), 'export.xml');
  writeFileSync(file, text);
  return spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
}

let t: TestApp;
let device: TestDevice;
let setup: RegisterSetup;
let manager: Record<string, string>;
let cashierId: string;
let xml: string;
let response: Awaited<ReturnType<TestApp['app']['inject']>>;

const line = (item: RegisterCatalogItem, quantity: number, extra: Partial<SaleLineDraft> = {}) => ({
  skuId: item.skuId,
  skuCode: item.sku,
  name: item.name.sv,
  quantity,
  unitPriceInclVat: item.unitPriceInclVat,
  vatRateBp: item.vatRateBp,
  ...extra,
});

const apply = async (commands: RegisterCommandDto[]) => {
  const res = await send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
    commands,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results as { receiptId?: string }[];
};

/** Texts of every `<tag>` directly in `block` (our writer puts one element per line). */
const all = (block: string, tag: string) =>
  [...block.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const cents = (text: string) => Math.round(Number(text) * 100);
const sum = (texts: string[]) => texts.reduce((s, x) => s + cents(x), 0);

const today = localDateTime(new Date(), 'Europe/Stockholm').date;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const saftUrl = (from: string, to: string, id = device.registerId) =>
  `/api/registers/${id}/saft?from=${from}&to=${to}`;

beforeAll(async () => {
  t = await createTestApp();
  manager = { cookie: await signIn(t.app, 'manager') };
  const register = await demoRegister(t, 'STHLM');
  device = await pairTestDevice(t, register.id, manager.cookie);
  const s = await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`);
  setup = s.json();
  cashierId = setup.cashiers.find((c) => c.staffNumber === '101')!.staffId;
  const sellable = setup.catalog.items.filter((i) => !i.isBundle && i.unitPriceInclVat > 0);
  const a = sellable[0]!;
  const b = sellable.find((i) => i.vatRateBp !== a.vatRateBp)!;
  expect(b, 'the demo catalog has two VAT rates').toBeDefined();

  const sim = await SimulatedRegister.create({
    registerId: device.registerId,
    registerCode: setup.register.code,
    privateKey: device.keys.privateKey,
    head: setup.journalHead,
  });
  // A cash sale over two VAT rates (cash: rounding and change), a card sale, a return of one line.
  // An offline sale three days ago: outside the day's export, but first in the signature chain.
  const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
  await apply([await sim.receipt({ cashierId, lines: [line(a, 1)], at: threeDaysAgo })]);
  // The cash sale carries a promotion on its first line (a rule of the demo's, no coupon needed).
  const [rule] = await t.ctx.db.query<{ id: string; name: string }>(
    'select id, name from promotions where requires_coupon = false order by id limit 1',
  );
  const promotion = { ruleId: rule!.id, name: rule!.name, amount: 1_000 };
  const cashSale = await sim.receipt({
    cashierId,
    lines: [line(a, 2, { promotionDiscounts: [promotion] }), line(b, 1)],
    payments: [{ method: 'cash', amount: 1_000_000, tendered: 1_000_000 }],
  });
  const [sold, cardSold] = await apply([cashSale, await sim.receipt({ cashierId, lines: [line(b, 3)] })]);
  const original = sold!.receiptId!;
  const cardReceipt = cardSold!.receiptId!;
  const detail = (await send(t, device.headers, 'GET', `/api/receipts/${original}`)).json();
  await apply([
    await sim.receipt(
      {
        cashierId,
        lines: [line(b, -1, { originalReceiptId: cardReceipt, originalLineNo: 1 })],
        payments: [{ method: 'card_standalone', amount: -b.unitPriceInclVat }],
      },
      cardReceipt,
    ),
    await sim.copy(cashierId, { id: original, number: detail.number, totalToPay: detail.total.amount }),
    await sim.receipt({ cashierId, lines: [line(a, 1)], isTraining: true }),
    // A gift card sold beside goods: a liability outside VAT, in the same file.
    await sim.receipt({
      cashierId,
      lines: [line(a, 1), giftCardLineDraft({ code: 'SAFTKORT0001', action: 'issue' }, 20_000)],
      payments: [
        { method: 'cash', amount: a.unitPriceInclVat + 20_000, tendered: a.unitPriceInclVat + 20_000 },
      ],
    }),
    await sim.drawerOpen(setup.cashiers.find((c) => c.staffNumber === '201')!.staffId, 'Växel'),
  ]);

  // The Z report, as the register makes it: its figures (the server's X) in a journal entry.
  const x = await send(t, manager, 'GET', `/api/registers/${device.registerId}/reports/x`);
  const head = sim.head;
  const at = new Date().toISOString();
  const journalEntry = await appendEntry(
    { registerId: device.registerId, sequence: head.sequence, hash: head.hash },
    {
      registerId: device.registerId,
      kind: 'report_z',
      at,
      payload: { ...(x.json() as object), kind: 'z', reportId: 'z-1', cashierId },
    },
    signerFromPrivateKey(device.keys.privateKey),
  );

  await apply([
    {
      commandId: `cmd_saft_z_${Date.now()}`,
      registerId: device.registerId,
      deviceSequence: 1000,
      cashierId,
      at,
      journalEntry,
      kind: 'report.z',
      reportId: 'z-1',
    } as RegisterCommandDto,
  ]);

  response = await send(t, manager, 'GET', saftUrl(shift(today, -1), shift(today, 1)));
  xml = response.body;
});
afterAll(() => t.close());

describe('SAF-T Cash Register export', () => {
  it('is an XML attachment that validates against the official schema with xmllint', () => {
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="SAF-T_Cash_Register_KASSA-1_/,
    );
    const lint = xmllint(xml);
    expect(lint.stderr).toContain('validates');
    expect(lint.status, lint.stderr).toBe(0);
  });

  it('declares the code-list codes it uses and records every kind of event', () => {
    const predefined = all(xml, 'predefinedBasicID');
    for (const code of [
      '11001',
      '11006',
      '12001',
      '12002',
      '13005',
      '13009',
      '13012',
      '13013',
      '13014',
      '13017',
    ]) {
      expect(predefined).toContain(code);
    }
    const events = all(xml, 'eventType');
    for (const type of ['SALREC', 'RETREC', 'COPYREC', 'TRAINREC', 'DRAWOPEN', 'DRAWOPENMAN', 'ZREP']) {
      expect(events).toContain(type);
    }
    expect(all(xml, 'standardVatCode').sort()).toEqual(expect.arrayContaining(['3']));
    // The company, and again in the Z report's <eventReport>.
    expect(new Set(all(xml, 'companyIdent')).size).toBe(1);
    expect(all(xml, 'reportType')).toEqual(['Z report']);
    expect(all(xml, 'reportTrainingNum')).toEqual(['1']);
    expect(all(xml, 'reportReceiptCopyNum')).toEqual(['1']);
    expect(all(xml, 'reportReturnNum')).toEqual(['1']);
    expect(all(xml, 'empID')).toContain('101');
  });

  it('carries sales, the return and the training receipt, with amounts that add up', () => {
    const transactions = xml.split('<cashtransaction>').slice(1);
    expect(transactions.map((tx) => all(tx, 'transType')[0])).toEqual([
      'CASHSAL',
      'CASHSAL',
      'RETURNSAL',
      'CASHSAL',
      'CASHSAL',
    ]);
    expect(transactions.map((tx) => all(tx, 'trainingID')[0])).toEqual([
      'false',
      'false',
      'false',
      'true',
      'false',
    ]);
    expect(all(transactions[0]!, 'paymentType')).toEqual(['CASH']);
    // The promotion as a discount of its own type, declared among the basics.
    expect(all(transactions[0]!, 'dscTp')).toEqual(['PROMOTION']);
    expect(all(transactions[0]!, 'dscAmnt')).toEqual(['10.00']);
    expect(all(xml, 'basicID')).toContain('PROMOTION');
    expect(all(transactions[1]!, 'paymentType')).toEqual(['CARD']);
    expect(all(transactions[0]!, 'receiptCopyNum')).toEqual(['1']);
    expect(new Set(all(transactions[0]!, 'vatCode')).size).toBe(2);
    // The gift card sold beside goods is outside VAT, under a code the file declares.
    expect(all(transactions[4]!, 'vatCode')).toContain('UTANFOR');
    expect(xml).toMatch(
      /<vatCode>UTANFOR<\/vatCode>\s*<dateOfEntry>[^<]+<\/dateOfEntry>\s*<vatDesc>[^<]+<\/vatDesc>\s*<standardVatCode>6<\/standardVatCode>/,
    );
    expect(cents(all(transactions[2]!, 'transAmntIn')[0]!)).toBeLessThan(0);
    for (const tx of transactions) {
      const body = tx.split('</cashtransaction>')[0]!;
      const lines = body
        .split('<ctLine>')
        .slice(1)
        .map((l) => l.split('</ctLine>')[0]!);
      const rest = body.split('</ctLine>').at(-1)!;
      const total = cents(all(body, 'transAmntIn')[0]!);
      const rounding = cents(all(rest, 'roundingAmnt')[0]!);
      expect(sum(lines.map((l) => all(l, 'lineAmntIn')[0]!)) + rounding).toBe(total);
      expect(sum(all(rest, 'paidAmnt'))).toBe(total);
      expect(sum(all(rest, 'vatAmnt')) + sum(all(rest, 'vatBasAmnt')) + rounding).toBe(total);
      expect(sum(all(rest, 'vatBasAmnt'))).toBe(cents(all(body, 'transAmntEx')[0]!));
    }
  });

  it('chains the receipt signatures exactly as the SAF-T validator recomputes them', async () => {
    const key = registerSigningKey(saftSecretFrom(undefined, false), device.registerId);
    // The day continues the chain from the earlier day's last receipt.
    const earlier = await send(t, manager, 'GET', saftUrl(shift(today, -3), shift(today, -3)));
    const earlierSignatures = all(earlier.body, 'signature');
    expect(earlierSignatures).toHaveLength(1);
    let previous: string | null = earlierSignatures[0]!;
    const transactions = xml.split('<cashtransaction>').slice(1);
    expect(transactions).toHaveLength(5);
    for (const tx of transactions) {
      const field = (tag: string) => all(tx, tag)[0]!;
      const fields = {
        transDate: field('transDate'),
        transTime: field('transTime'),
        nr: field('nr'),
        transAmntIn: field('transAmntIn'),
        transAmntEx: field('transAmntEx'),
      };
      // The validator's rule, written out: HMAC-SHA1 over "prev or 0;date;time;nr;in;ex", base64.
      const signed: string[] = [
        previous ?? '0',
        fields.transDate,
        fields.transTime,
        fields.nr,
        fields.transAmntIn,
        fields.transAmntEx,
      ];
      const expected: string = createHmac('sha1', key).update(signed.join(';')).digest('base64');
      expect(fields.transAmntIn).toMatch(/^-?\d+\.\d{2}$/);
      expect(all(tx, 'signature')[0]).toBe(expected);
      expect(all(tx, 'keyVersion')[0]).toBe('1');
      previous = expected;
    }
    // A changed amount breaks the chain from that receipt on.
    expect(
      signTransaction(key, earlierSignatures[0]!, {
        transDate: all(transactions[0]!, 'transDate')[0]!,
        transTime: all(transactions[0]!, 'transTime')[0]!,
        nr: all(transactions[0]!, 'nr')[0]!,
        transAmntIn: '0.01',
        transAmntEx: all(transactions[0]!, 'transAmntEx')[0]!,
      }),
    ).not.toBe(all(transactions[0]!, 'signature')[0]);
  });

  it('leaves out days outside the period', async () => {
    const empty = await send(t, manager, 'GET', saftUrl(shift(today, -10), shift(today, -9)));
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.body).not.toContain('<cashtransaction>');
    expect(empty.body).toContain('<registerID>KASSA-1</registerID>');
    expect(xmllint(empty.body).status).toBe(0);
  });

  it('exports every register of the company for an owner in one valid file', async () => {
    const owner = { cookie: await signIn(t.app, 'owner') };
    const url = `/api/saft/registers?from=${shift(today, -1)}&to=${shift(today, 1)}`;
    const file = await send(t, owner, 'GET', url);
    expect(file.statusCode, file.body).toBe(200);
    expect(all(file.body, 'registerID').length).toBeGreaterThan(1);
    expect(file.body.split('<location>').length - 1).toBe(2);
    expect(file.body.split('<cashtransaction>').length - 1).toBe(5);
    expect(xmllint(file.body).status).toBe(0);
    expect((await send(t, manager, 'GET', url)).statusCode).toBe(403);
  });

  it('refuses bad dates naming the field, and staff who are not managers', async () => {
    expectProblem(
      await send(t, manager, 'GET', saftUrl('2026-13-01', today)),
      400,
      'validation_failed',
      'from',
    );
    expectProblem(await send(t, manager, 'GET', saftUrl(today, 'tomorrow')), 400, 'validation_failed', 'to');
    expectProblem(
      await send(t, manager, 'GET', saftUrl(today, shift(today, -1))),
      400,
      'validation_failed',
      'to',
    );
    const cashier = { cookie: await signIn(t.app, 'cashier') };
    expect((await send(t, cashier, 'GET', saftUrl(today, today))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: saftUrl(today, today) })).statusCode).toBe(401);
    expect((await send(t, manager, 'GET', saftUrl(today, today, 'no-such-register'))).statusCode).toBe(404);
  });
});
