// Shared set-up of the invoice tests: the app (with an SMTP sink when asked), a paired Stockholm
// register with its simulated register, a manager, and company customers made with given terms.
import type { RegisterCommandDto, RegisterSetup } from '@handla/api';
import type { PaymentInput, SaleLineDraft } from '@handla/core';
import { expect } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { demoRegister, pairTestDevice, send, type TestDevice } from '../register/register.testing';
import { SimulatedRegister } from '../register/simulated-register.testing';

export interface InvoiceHarness {
  t: TestApp;
  manager: Record<string, string>;
  device: TestDevice;
  setup: RegisterSetup;
  cashierId: string;
  sim: SimulatedRegister;
  /** A catalog item of the register costing `minPrice` or more. */
  item(minPrice?: number): SaleLineDraft;
  commands(list: RegisterCommandDto[]): ReturnType<typeof send>;
  /** A register sale of `lines` paid as `payments` (default: all by invoice), applied; its receipt id. */
  sell(
    customerId: string | undefined,
    lines: SaleLineDraft[],
    payments?: (total: number) => PaymentInput[],
  ): Promise<string>;
  /** A company customer with its own e-mail, the given credit limit (öre) and terms. */
  /** A return of one unit of line 1 of `originalReceiptId`, refunded to the invoice; applied. */
  returnOne(originalReceiptId: string, line: SaleLineDraft, customerId: string): Promise<void>;
  /** A register sharing the journal head, for a command the server is expected to refuse. */
  fork(): Promise<SimulatedRegister>;
  company(creditLimit: number | null, paymentTermsDays?: number): Promise<string>;
  call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): ReturnType<typeof send>;
}

let customerCounter = 0;

export async function startInvoiceHarness(options: { smtpUrl?: string } = {}): Promise<InvoiceHarness> {
  const t = await createTestApp(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {});
  const manager = { cookie: await signIn(t.app, 'manager') };
  const device = await pairTestDevice(t, (await demoRegister(t, 'STHLM')).id, manager.cookie);
  const setup: RegisterSetup = (
    await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)
  ).json();
  const sim = await SimulatedRegister.create({
    registerId: device.registerId,
    registerCode: setup.register.code,
    privateKey: device.keys.privateKey,
    head: setup.journalHead,
  });
  const cashierId = setup.cashiers.find((c) => c.role === 'cashier')!.staffId;
  const h: InvoiceHarness = {
    t,
    manager,
    device,
    setup,
    cashierId,
    sim,
    item(minPrice = 0) {
      const found = setup.catalog.items.find((i) => i.unitPriceInclVat >= minPrice && i.vatRateBp === 2500)!;
      return {
        skuId: found.skuId,
        skuCode: found.sku,
        name: found.name.sv,
        quantity: 1,
        unitPriceInclVat: found.unitPriceInclVat,
        vatRateBp: found.vatRateBp,
      };
    },
    commands: (list) =>
      send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, { commands: list }),
    async sell(customerId, lines, payments) {
      const total = lines.reduce((s, l) => s + l.unitPriceInclVat * l.quantity, 0);
      const cmd = await sim.receipt({
        cashierId,
        lines,
        ...(customerId ? { customerId } : {}),
        payments: payments
          ? payments(total)
          : [{ method: 'invoice', amount: total, reference: customerId ?? '' }],
      });
      const response = await h.commands([cmd]);
      expect(response.statusCode, response.body).toBe(200);
      return (cmd as { receiptId: string }).receiptId;
    },
    async returnOne(originalReceiptId, line, customerId) {
      const cmd = await sim.receipt(
        {
          cashierId,
          customerId,
          lines: [{ ...line, quantity: -1, originalReceiptId, originalLineNo: 1 }],
          payments: [{ method: 'invoice', amount: -line.unitPriceInclVat, reference: customerId }],
        },
        originalReceiptId,
      );
      const response = await h.commands([cmd]);
      expect(response.statusCode, response.body).toBe(200);
    },
    fork: () =>
      SimulatedRegister.create({
        registerId: device.registerId,
        registerCode: setup.register.code,
        privateKey: device.keys.privateKey,
        head: sim.head,
      }),
    async company(creditLimit, paymentTermsDays = 30) {
      customerCounter += 1;
      const response = await send(t, manager, 'POST', '/api/customers', {
        name: `Kund ${customerCounter} AB`,
        kind: 'company',
        email: `ekonomi${customerCounter}@kund.example`,
        creditLimit,
        paymentTermsDays,
        invoiceAddress: {
          name: `Kund ${customerCounter} AB`,
          street: 'Box 1',
          postalCode: '111 22',
          city: 'Stockholm',
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as string;
    },
    call: (method, url, payload) => send(t, manager, method, url, payload),
  };
  return h;
}
