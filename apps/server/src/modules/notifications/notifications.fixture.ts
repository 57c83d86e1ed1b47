// Test helpers: a made-up `Order` (the orders module is not needed to test messages), an
// in-process SMTP server that parses what arrives and can be told to refuse, and a QR decoder.
import type { AddressInfo } from 'node:net';
import type { Order } from '@handla/api';
import jsQR from 'jsqr';
import { type ParsedMail, simpleParser } from 'mailparser';
import { PNG } from 'pngjs';
import { SMTPServer } from 'smtp-server';

/** A pickup order at Demo Butik Stockholm: two lines at 25 % VAT and one at 6 %. */
const OPEN_LINE = {
  state: 'open',
  pickedQuantity: 0,
  returnedQuantity: 0,
  substitutesLineId: null,
  substitutedBy: null,
  shipFromLocationId: null,
  shelf: null,
  note: null,
} as const;

export function fixtureOrder(overrides: Partial<Order> = {}): Order {
  const sek = (amount: number) => ({ amount, currency: 'SEK' });
  return {
    id: 'ord_fixture',
    number: '1042',
    status: 'placed',
    channel: 'web',
    locale: 'sv',
    customer: { name: 'Anna Andersson', email: 'anna@example.se', phone: '+46701234567' },
    fulfilment: {
      kind: 'pickup',
      store: {
        id: 'sto_sthlm',
        name: 'Demo Butik Stockholm',
        street: 'Drottninggatan 1',
        postalCode: '111 51',
        city: 'Stockholm',
        phone: '08-123 456',
      },
      // 15:00–15:30 in Stockholm (UTC+1 in November)
      slotStartsAt: '2026-11-24T14:00:00.000Z',
      slotEndsAt: '2026-11-24T14:30:00.000Z',
      asap: false,
      timeZone: 'Europe/Stockholm',
    },
    lines: [
      {
        id: 'orl_1',
        skuId: 'sku_tee',
        sku: 'TEE-BLK-M',
        productName: 'T-shirt',
        variantName: 'Svart, M',
        quantity: 2,
        unitPrice: sek(19_900),
        lineTotal: sek(39_800),
        vatRateBp: 2500,
        ...OPEN_LINE,
      },
      {
        id: 'orl_2',
        skuId: 'sku_book',
        sku: 'BOK-1',
        productName: 'Kokbok',
        variantName: null,
        quantity: 1,
        unitPrice: sek(14_900),
        lineTotal: sek(14_900),
        vatRateBp: 600,
        ...OPEN_LINE,
      },
    ],
    totals: {
      lines: sek(54_700),
      shipping: sek(0),
      total: sek(54_700),
      vat: [
        { rateBp: 2500, vat: sek(7_960), totalInclVat: sek(39_800) },
        { rateBp: 600, vat: sek(843), totalInclVat: sek(14_900) },
      ],
    },
    payment: {
      id: 'pay_1',
      method: 'card',
      status: 'authorized',
      authorized: sek(54_700),
      captured: sek(0),
      refunded: sek(0),
      action: null,
    },
    pickupCode: 'HX7K-42QP',
    statusUrl: 'http://localhost:3000/#/orders/ord_fixture?token=t0k3n',
    createdAt: '2026-11-23T10:00:00.000Z',
    placedAt: '2026-11-23T10:00:00.000Z',
    acceptedAt: null,
    readyAt: null,
    collectedAt: null,
    cancelledAt: null,
    lockedBy: null,
    amountDue: sek(54_700),
    receiptId: null,
    ...overrides,
  };
}

/** An SMTP server on a random local port; `refuse` makes it answer 451 to every mail. */
export interface TestSmtp {
  url: string;
  mails: ParsedMail[];
  refuse: boolean;
  /** Recipients' addresses of each accepted mail. */
  recipientsOf(mail: ParsedMail): string[];
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    mails: [],
    refuse: false,
    recipientsOf: (mail) => {
      const to = mail.to === undefined ? [] : Array.isArray(mail.to) ? mail.to : [mail.to];
      return to.flatMap((group) => group.value.map((a) => a.address ?? ''));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (!state.refuse) return callback();
      callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream, { keepCidLinks: true })
        .then((mail) => {
          state.mails.push(mail);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}

/** The text a QR code in a PNG carries, or null when none is found. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}
