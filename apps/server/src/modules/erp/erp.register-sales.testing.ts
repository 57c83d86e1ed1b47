// Test helper: register receipts on the test day in Stockholm — cash over two VAT rates, card, and
// a return — signed by a simulated register, and the register's X report to check figures against.
import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import { expect } from 'vitest';
import type { OrdersHttpState } from '../orders/orders.http-harness';
import { demoRegister, pairTestDevice, send } from '../register/register.testing';
import { SimulatedRegister } from '../register/simulated-register.testing';
import type { useErp } from './erp.testing';

type ErpApi = ReturnType<typeof useErp>['api'];

/** What the X report says of the day. */
export interface RegisterDay {
  vatByRate: { vatRateBp: number; grossAmount: number; vatAmount: number }[];
  payments: { method: string; amount: number }[];
  rounding: number;
}

/** Register receipts on 1 December: cash over two VAT rates, card, a return; and the X report. */
export async function sellAtTheRegister(h: OrdersHttpState, api: ErpApi): Promise<RegisterDay> {
  const register = await demoRegister(h.t, 'STHLM');
  const device = await pairTestDevice(h.t, register.id, h.manager);
  const setup: RegisterSetup = (
    await send(h.t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)
  ).json();
  const cashierId = setup.cashiers.find((c) => c.staffNumber === '101')!.staffId;
  const sellable = setup.catalog.items.filter((i) => !i.isBundle && i.unitPriceInclVat > 0);
  const a = sellable.find((i) => i.unitPriceInclVat % 100 !== 0) ?? sellable[0]!;
  const b = sellable.find((i) => i.vatRateBp !== a.vatRateBp)!;
  const line = (item: RegisterCatalogItem, quantity: number, extra: Record<string, unknown> = {}) => ({
    skuId: item.skuId,
    skuCode: item.sku,
    name: item.name.sv,
    quantity,
    unitPriceInclVat: item.unitPriceInclVat,
    vatRateBp: item.vatRateBp,
    ...extra,
  });
  const sim = await SimulatedRegister.create({
    registerId: device.registerId,
    registerCode: setup.register.code,
    privateKey: device.keys.privateKey,
    head: setup.journalHead,
  });
  const at = (minutes: number) => new Date(h.now.getTime() - minutes * 60_000).toISOString();
  const apply = async (commands: RegisterCommandDto[]) => {
    const res = await send(h.t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, {
      commands,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().results as { receiptId?: string }[];
  };
  const [, card] = await apply([
    await sim.receipt({
      cashierId,
      lines: [line(a, 3), line(b, 1)],
      payments: [{ method: 'cash', amount: 10_000_000, tendered: 10_000_000 }],
      at: at(50),
    }),
    await sim.receipt({ cashierId, lines: [line(b, 2)], at: at(40) }),
  ]);
  await apply([
    await sim.receipt(
      {
        cashierId,
        lines: [line(b, -1, { originalReceiptId: card!.receiptId!, originalLineNo: 1 })],
        payments: [{ method: 'card_standalone', amount: -b.unitPriceInclVat }],
        at: at(30),
      },
      card!.receiptId!,
    ),
  ]);
  const x = await api('GET', `/api/registers/${device.registerId}/reports/x`);
  expect(x.statusCode, x.body).toBe(200);
  return x.json() as RegisterDay;
}
