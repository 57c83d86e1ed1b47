import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import {
  buildDayReport,
  buildDayReportDocument,
  buildReceiptDocument,
  computeReceipt,
  type ReceiptDocumentContext,
  type ReceiptPolicy,
  type SaleDraft,
} from '@handla/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeReceiptEscPos, padRow } from './escpos';
import { decodeEscPos, type PrintedReceipt, printedText } from './escpos-decoder.testing';
import { sendToPrinter } from './send-to-printer';

const policy: ReceiptPolicy = {
  role: 'cashier',
  discountLimits: {
    cashier: { maxPercentBp: 1500, maxAmount: 50_000 },
    manager: { maxPercentBp: 5000, maxAmount: 500_000 },
    owner: { maxPercentBp: 10_000, maxAmount: 10_000_000 },
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
      name: 'Kaffe Gåsö 500 g',
      quantity: 1,
      unitPriceInclVat: 4_995,
      vatRateBp: 1200,
      discount: { kind: 'percent', value: 1000, reason: 'Skadad förpackning' },
    },
    {
      skuId: 's3',
      skuCode: 'HOR-1',
      name: 'Hörlurar Ärlig',
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
  receiptId: 'rcp_01JDEMO0000000000000000',
  receiptNumber: 1042,
  issuedAt: '2026-11-23T10:05:30Z',
  salesperson: 'Kim Kassör',
  controlUnit: { serialNumber: 'SIMABCDEFGHIJKLM', controlCode: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567' },
};

function print(draft: SaleDraft, extra: Partial<ReceiptDocumentContext> = {}): PrintedReceipt {
  return decodeEscPos(
    encodeReceiptEscPos(buildReceiptDocument(computeReceipt(draft, policy), { ...context, ...extra })),
  );
}
const largeLines = (printed: PrintedReceipt, text: string) =>
  printed.lines.filter((l) => l.text.trim() === text && l.width >= 2 && l.height >= 2);

describe('ESC/POS receipts read back', () => {
  it('prints a normal receipt with å, ä, ö, the amounts, the control code and the QR', () => {
    const printed = print(sale);
    const text = printedText(printed);
    expect(printed.codepages).toEqual(['cp858']);
    expect(text).toEqual(
      expect.arrayContaining([
        'Demo Butik AB',
        'Org.nr 556000-0001',
        'Drottninggatan 1',
        'Kvitto nr                                   1042',
        'Kassa                                   STHLM-01',
        'Säljare                               Kim Kassör',
        'Kaffe Gåsö 500 g                           49,95',
        '1 st × 49,95  KAF-500',
        'Rabatt 10 % (Skadad förpackning)         -5,00',
        'Hörlurar Ärlig                            999,00',
        'Garanti: 2 års garanti',
        'Öresavrundning                              0,25',
        'ATT BETALA                              1 444,00',
        'Moms 25 % på 1 119,04                     279,76',
        'Kontant                                 2 000,00',
        'Växel                                     556,00',
        'Kontrollenhet                   SIMABCDEFGHIJKLM',
        'Kontrollkod: ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
      ]),
    );
    expect(printed.lines.every((l) => l.text.length <= 48)).toBe(true);
    expect(text.join('\n')).not.toMatch(/[\ufffd?]/);
    expect(printed.qrCodes).toEqual(['rcp_01JDEMO0000000000000000']);
    expect(printed.cuts).toBe(1);
    expect(printed.lines.find((l) => l.text.includes('ATT BETALA'))).toMatchObject({
      width: 1,
      height: 1,
      isBold: true,
    });
    expect(printed.lines.filter((l) => l.width >= 2).map((l) => l.text.trim())).toEqual(['Demo Butik AB']);
  });

  it('prints each promotion by name under its line, before a manual discount on what is left', () => {
    const promoted: SaleDraft = {
      ...sale,
      lines: [
        {
          ...sale.lines[0]!,
          quantity: 3,
          promotionDiscounts: [{ ruleId: 'prm_1', name: '3 för 2 på t-shirts', amount: 19_990 }],
          discount: { kind: 'percent', value: 1000, reason: 'Fläck' },
        },
        sale.lines[1]!,
      ],
      payments: [{ method: 'card_standalone', amount: 40_477 }],
    };
    const printed = print(promoted);
    // Rows are padded to the paper's width; compare their words.
    const text = printedText(printed).map((l) => l.replace(/ {2,}/g, ' | '));
    const at = text.indexOf('T-shirt svart M | 599,70');
    expect(at).toBeGreaterThanOrEqual(0);
    // Under its line, in order: quantity, the promotion by name, then the manual discount on the rest.
    expect(text.slice(at + 1, at + 4)).toEqual([
      '3 st × 199,90 | TS-BLK-M',
      '3 för 2 på t-shirts | -199,90',
      'Rabatt 10 % (Fläck) | -39,98',
    ]);
    expect(text).toEqual(expect.arrayContaining(['Varav rabatt totalt | -244,88', 'ATT BETALA | 404,77']));
    expect(text.join('\n')).not.toMatch(/[\ufffd?]/);
  });

  it('prints KOPIA at double size at least twice on a copy', () => {
    const printed = print(sale, { printAs: 'copy' });
    expect(largeLines(printed, 'KOPIA').length).toBeGreaterThanOrEqual(2);
    expect(printed.qrCodes).toHaveLength(1);
  });

  it('prints ÖVNING at double size at least twice on a training receipt', () => {
    const printed = print({ ...sale, isTraining: true });
    expect(largeLines(printed, 'ÖVNING').length).toBeGreaterThanOrEqual(2);
    expect(largeLines(printed, 'ÖVNING')[0]?.isBold).toBe(true);
  });

  it('prints a return with the amount paid back', () => {
    const printed = print(
      {
        ...sale,
        lines: [{ ...sale.lines[2]!, quantity: -1, originalReceiptId: 'rcp_0', originalLineNo: 3 }],
        payments: [{ method: 'card_terminal', amount: -99_900 }],
      },
      { originalReceiptNumber: 1001 },
    );
    expect(printedText(printed)).toEqual(
      expect.arrayContaining([
        'RETUR',
        'Avser kvitto nr                             1001',
        '1 st × 999,00  HOR-1'.replace('1 st', '-1 st'),
        'ATT ÅTERBETALA                           -999,00',
        'Summa negativa poster                    -999,00',
        'Kort                                     -999,00',
      ]),
    );
  });

  it('prints a Z report from the journal', () => {
    const receipt = computeReceipt(sale, policy);
    const report = buildDayReport({
      kind: 'z',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: '2026-11-23T17:00:00Z',
      entries: [
        {
          registerId: 'reg_1',
          sequence: 1,
          kind: 'receipt',
          at: '2026-11-23T10:05:30Z',
          payload: {
            receiptId: 'rcp_1',
            receiptNumber: 1,
            cashierId: 'stf_1',
            receipt,
            controlUnit: context.controlUnit,
          },
          previousHash: '',
          hash: 'h1',
          signature: 's1',
        },
      ],
    });
    const document = buildDayReportDocument(report, { ...context, reportNumber: 3 });
    const printed = decodeEscPos(encodeReceiptEscPos(document));
    expect(largeLines(printed, 'Z-RAPPORT')).toHaveLength(1);
    expect(printedText(printed)).toEqual(
      expect.arrayContaining([
        'Försäljning (1 st)                      1 443,75',
        'Lådöppningar med köp                           1',
        'Förväntat i kassan                      1 444,00',
      ]),
    );
  });

  it('prints any Swedish product name as written', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzåäöABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖéÉü0123456789 -,.%&/×€';
    const nameArb = fc
      .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 })
      .map((chars) => chars.join('').trim())
      .filter((name) => name !== '');
    fc.assert(
      fc.property(nameArb, (name) => {
        const bytes = encodeReceiptEscPos({
          kind: 'normal',
          isElectronic: false,
          blocks: [{ type: 'text', text: name }],
        });
        expect(printedText(decodeEscPos(bytes))).toEqual([name]);
      }),
    );
  });

  it('splits a row that does not fit', () => {
    expect(padRow('Vänster', 'Höger', 20)).toEqual(['Vänster        Höger']);
    expect(padRow('En mycket lång produktbenämning', '1 234,00', 20)).toEqual([
      'En mycket lång produktbenämning',
      '            1 234,00',
    ]);
  });
});

describe('sendToPrinter', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.close();
    server = undefined;
  });

  async function listen(onConnection: Parameters<typeof createServer>[1]): Promise<number> {
    server = createServer(onConnection);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  it('delivers every byte over TCP to the printer', async () => {
    const received: Buffer[] = [];
    const done = new Promise<Buffer>((resolve) => {
      void listen((socket) => {
        socket.on('data', (chunk) => received.push(chunk));
        socket.on('end', () => {
          socket.end();
          resolve(Buffer.concat(received));
        });
      }).then((port) => sendToPrinter(bytes, { host: '127.0.0.1', port }));
    });
    const bytes = encodeReceiptEscPos(buildReceiptDocument(computeReceipt(sale, policy), context));
    const got = await done;
    expect(new Uint8Array(got)).toEqual(bytes);
    expect(printedText(decodeEscPos(got))).toContain('Demo Butik AB');
  });

  it('says clearly when the printer refuses the connection', async () => {
    const port = await listen(() => {});
    server?.close();
    await once(server!, 'close');
    await expect(
      sendToPrinter(new Uint8Array([0x1b, 0x40]), { host: '127.0.0.1', port }),
    ).rejects.toMatchObject({
      code: 'printer_unavailable',
      message: expect.stringContaining(`127.0.0.1:${port} cannot be reached (ECONNREFUSED)`),
    });
  });

  it('gives up when the printer stops taking bytes', async () => {
    const sockets: import('node:net').Socket[] = [];
    const port = await listen((socket) => {
      socket.pause(); // like a printer out of paper: the connection is open, nothing is read
      sockets.push(socket);
    });
    const large = new Uint8Array(64 * 1024 * 1024);
    await expect(sendToPrinter(large, { host: '127.0.0.1', port }, { timeoutMs: 300 })).rejects.toMatchObject(
      {
        code: 'printer_unavailable',
        message: expect.stringContaining('did not take the receipt within 300 ms'),
      },
    );
    for (const socket of sockets) socket.destroy();
  });
});
