import { describe, expect, it } from 'vitest';
import { computeReceipt } from './compute-receipt';
import { buildReceiptDocument, type ReceiptDocumentContext } from './receipt-document';
import { renderReceiptHtml } from './receipt-html';
import type { ReceiptBlock, ReceiptPolicy, SaleDraft } from './types';

const policy: ReceiptPolicy = {
  role: 'manager',
  discountLimits: {
    cashier: { maxPercentBp: 1000, maxAmount: 10_000 },
    manager: { maxPercentBp: 5000, maxAmount: 100_000 },
    owner: { maxPercentBp: 10_000, maxAmount: 1_000_000 },
  },
};
const sale: SaleDraft = {
  currency: 'SEK',
  isTraining: false,
  lines: [
    {
      skuId: 's1',
      skuCode: 'TS-BLK-M',
      name: 'T-shirt svart M',
      quantity: 2,
      unitPriceInclVat: 19_990,
      vatRateBp: 2500,
    },
    {
      skuId: 's2',
      skuCode: 'KAF-500',
      name: 'Kaffe 500 g',
      quantity: 1,
      unitPriceInclVat: 4_995,
      vatRateBp: 1200,
      discount: { kind: 'percent', value: 1000, reason: 'Skadad förpackning' },
    },
    {
      skuId: 's3',
      skuCode: 'HÖR-1',
      name: 'Hörlurar',
      quantity: 1,
      unitPriceInclVat: 99_900,
      vatRateBp: 2500,
      warrantyText: '2 års garanti',
    },
  ],
  payments: [{ method: 'cash', amount: 200_000 }],
};
const context: ReceiptDocumentContext = {
  company: { name: 'Demo Butik AB', organisationNumber: '5560000001' },
  store: { name: 'Demo Butik Stockholm', addressLines: ['Drottninggatan 1', '111 51 Stockholm'] },
  registerId: 'STHLM-01',
  receiptId: 'rcp_01JDEMO',
  receiptNumber: 1042,
  issuedAt: '2026-11-23T10:05:30Z',
  salesperson: 'Kim Kassör',
  controlUnit: { serialNumber: 'SIMABCDEFGHIJKLM', controlCode: 'CODE234567' },
};
const textOf = (blocks: readonly ReceiptBlock[]) =>
  blocks.map((b) =>
    b.type === 'text' ? b.text : b.type === 'row' ? `${b.left} | ${b.right}` : `[${b.type}]`,
  );
const largeTexts = (blocks: readonly ReceiptBlock[]) =>
  blocks.filter((b) => b.type === 'text' && b.size === 2).map((b) => (b as { text: string }).text);

describe('buildReceiptDocument', () => {
  const receipt = computeReceipt(sale, policy);

  it('holds everything the law asks of a receipt, and ours', () => {
    const document = buildReceiptDocument(receipt, context);
    const lines = textOf(document.blocks);
    expect(document.kind).toBe('normal');
    expect(lines).toEqual(
      expect.arrayContaining([
        'Demo Butik AB',
        'Org.nr 556000-0001',
        'Drottninggatan 1',
        '111 51 Stockholm',
        'Datum | 2026-11-23 11:05',
        'Kvitto nr | 1042',
        'Kassa | STHLM-01',
        'Säljare | Kim Kassör',
        'T-shirt svart M | 399,80',
        '  2 st × 199,90  TS-BLK-M',
        '  Rabatt 10 % (Skadad förpackning) | -5,00',
        '  Garanti: 2 års garanti',
        // 399,80 + (49,95 − 5,00) + 999,00 = 1 443,75 → 1 444,00 in cash
        'Varav rabatt totalt | -5,00',
        'Summa | 1 443,75',
        'Öresavrundning | 0,25',
        'ATT BETALA | 1 444,00',
        'Moms 25 % på 1 119,04 | 279,76',
        'Moms 12 % på 40,13 | 4,82',
        'Moms totalt | 284,58',
        'Kontant | 2 000,00',
        'Växel | 556,00',
        'Kontrollenhet | SIMABCDEFGHIJKLM',
        'Kontrollkod: CODE234567',
        '[qr]',
      ]),
    );
    expect(document.blocks).toContainEqual({ type: 'qr', data: 'rcp_01JDEMO' });
    expect(largeTexts(document.blocks)).toEqual(['Demo Butik AB']);
    expect(lines).not.toContain('Elektroniskt kassakvitto');
  });

  it.each([
    ['a copy', sale, { printAs: 'copy' as const }, 'KOPIA'],
    ['a pro-forma print', sale, { printAs: 'pro_forma' as const }, 'EJ KVITTO'],
    ['a training receipt', { ...sale, isTraining: true }, {}, 'ÖVNING'],
  ])('marks %s at double size, twice', (_name, draft, extra, marker) => {
    const document = buildReceiptDocument(computeReceipt(draft, policy), { ...context, ...extra });
    expect(largeTexts(document.blocks).filter((t) => t === marker)).toHaveLength(2);
  });

  it('marks a return and names the original receipt', () => {
    const refund = computeReceipt(
      {
        ...sale,
        lines: [{ ...sale.lines[2]!, quantity: -1, originalReceiptId: 'rcp_0', originalLineNo: 3 }],
        payments: [{ method: 'card_terminal', amount: -99_900 }],
      },
      policy,
    );
    const lines = textOf(buildReceiptDocument(refund, { ...context, originalReceiptNumber: 1001 }).blocks);
    expect(lines).toEqual(
      expect.arrayContaining([
        'RETUR',
        'Avser kvitto nr | 1001',
        'ATT ÅTERBETALA | -999,00',
        'Kort | -999,00',
      ]),
    );
  });

  it('says "elektroniskt kassakvitto" on e-mailed receipts and renders accessible, escaped HTML', () => {
    const document = buildReceiptDocument(receipt, {
      ...context,
      isElectronic: true,
      printAs: 'copy',
      salesperson: '<Kim & Co>',
    });
    const html = renderReceiptHtml(document, {
      isStandalone: true,
      renderQr: (data) => `<svg data-x="${data}"></svg>`,
    });
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('Elektroniskt kassakvitto');
    expect(html.match(/<p class="large bold center">KOPIA<\/p>/g)).toHaveLength(2);
    expect(html).toContain('&#60;Kim &#38; Co&#62;');
    expect(html).not.toContain('<Kim');
    expect(html).toContain('aria-label="QR-kod med kvittots id rcp_01JDEMO"');
    expect(html).toContain('<svg data-x="rcp_01JDEMO">');
  });
});
