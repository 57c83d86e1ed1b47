// Shared set-up of the gift card, voucher and print tests: the app, a paired Stockholm register with
// its simulated register, a cashier, an item, and (for prints) a TCP receipt printer.
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { RegisterCommandDto, RegisterSetup } from '@handla/api';
import type { SaleLineDraft } from '@handla/core';
import { createTestApp, signIn, type TestApp } from '../../testing/test-app';
import { decodeEscPos, type PrintedReceipt } from './printing/escpos-decoder.testing';
import { demoRegister, pairTestDevice, send, type TestDevice } from './register.testing';
import { SimulatedRegister } from './simulated-register.testing';

export interface ExtrasHarness {
  t: TestApp;
  device: TestDevice;
  setup: RegisterSetup;
  manager: Record<string, string>;
  cashierId: string;
  /** One unit of a catalog item costing more than the `minPrice` asked for. */
  item: SaleLineDraft;
  /** The register as the server knows it: keep sending its commands in order. */
  sim: SimulatedRegister;
  commands(list: RegisterCommandDto[]): ReturnType<typeof send>;
  /**
   * A register sharing the journal head, for a command the server is expected to refuse: `sim`
   * stays where the server is.
   */
  fork(): Promise<SimulatedRegister>;
}

export async function startExtrasHarness(minPrice: number): Promise<ExtrasHarness> {
  const t = await createTestApp();
  const manager = { cookie: await signIn(t.app, 'manager') };
  const device = await pairTestDevice(t, (await demoRegister(t, 'STHLM')).id, manager.cookie);
  const setup: RegisterSetup = (
    await send(t, device.headers, 'GET', `/api/registers/${device.registerId}/setup`)
  ).json();
  const simulator = (head?: SimulatedRegister['head']) =>
    SimulatedRegister.create({
      registerId: device.registerId,
      registerCode: setup.register.code,
      privateKey: device.keys.privateKey,
      ...(head ? { head } : {}),
    });
  const found = setup.catalog.items.find((i) => i.unitPriceInclVat > minPrice)!;
  const harness: ExtrasHarness = {
    t,
    device,
    setup,
    manager,
    cashierId: setup.cashiers.find((c) => c.role === 'cashier')!.staffId,
    item: {
      skuId: found.skuId,
      skuCode: found.sku,
      name: found.name.sv,
      quantity: 1,
      unitPriceInclVat: found.unitPriceInclVat,
      vatRateBp: found.vatRateBp,
    },
    sim: await simulator(),
    commands: (list) =>
      send(t, device.headers, 'POST', `/api/registers/${device.registerId}/commands`, { commands: list }),
    fork: () => simulator(harness.sim.head),
  };
  return harness;
}

/** A receipt printer on a free port: one job per connection, read back with the decoder. */
export async function startTestPrinter() {
  const received: Buffer[][] = [];
  const server = createServer((socket) => {
    const job: Buffer[] = [];
    received.push(job);
    socket.on('data', (chunk) => job.push(chunk));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    /** Jobs received so far. */
    jobs: () => received.length,
    /** Waits for job number `n` (1-based) and decodes it. */
    async printed(n: number): Promise<PrintedReceipt> {
      for (let i = 0; i < 50 && received.length < n; i++) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 50));
      return decodeEscPos(new Uint8Array(Buffer.concat(received[n - 1]!)));
    },
    close: () => server.close(),
  };
}
