// The register over HTTP (a real socket, the app in this process): completed sales per second from
// 32 registers at once, each with its own paired device signing its journal (5 lines, one payment,
// a journal entry, stock movements per sale); and an offline sync of 10,000 queued receipts from
// 5 registers sent in batches, some batches twice, after which none may be lost or doubled.
import type { RegisterCatalogItem, RegisterCommandDto, RegisterSetup } from '@handla/api';
import { exportPublicKeyJwk, generateDeviceKeyPair, type SaleLineDraft } from '@handla/core';
import { type Database, seedDemoData } from '@handla/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/config';
import { type AppContext, createContext } from '../../../apps/server/src/context';
import { createPairingCode, pairDevice } from '../../../apps/server/src/modules/register/pairing.service';
import { SimulatedRegister } from '../../../apps/server/src/modules/register/simulated-register.testing';
import type { BenchResult } from '../results';
import type { BenchSuite } from './suite';

const CLIENTS = 32;
const SALE_SECONDS = 10;
const SYNC_REGISTERS = 5;
const SYNC_RECEIPTS = 10_000;
const BATCH = 100;
// Every fourth batch is sent twice, as a register does when the answer to a send is lost.
const RESEND_EVERY = 4;

interface BenchRegister {
  registerId: string;
  token: string;
  sim: SimulatedRegister;
  cashierId: string;
  items: RegisterCatalogItem[];
}

async function addRegisters(db: Database, count: number, prefix: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `insert into registers (id, store_id, code, name)
     select 'reg_' || $2 || i, (select id from stores where code = 'STHLM'), $2 || i, 'Bänkkassa ' || i
       from generate_series(1, $1::integer) i returning id`,
    [count, prefix],
  );
  return rows.map((r) => r.id);
}

async function pairRegister(
  ctx: AppContext,
  baseUrl: string,
  registerId: string,
  index: number,
): Promise<BenchRegister> {
  const [owner] = await ctx.db.query<{ id: string }>(
    `select id from staff_users where role = 'owner' limit 1`,
  );
  const { code } = await createPairingCode(ctx, registerId, owner!.id);
  const keys = await generateDeviceKeyPair();
  const publicKey = (await exportPublicKeyJwk(keys.publicKey)) as never;
  const { deviceToken } = await pairDevice(ctx, { code, publicKey });
  const response = await fetch(`${baseUrl}/api/registers/${registerId}/setup`, {
    headers: { authorization: `Device ${deviceToken}` },
  });
  if (!response.ok) throw new Error(`setup answered ${response.status}`);
  const setup = (await response.json()) as RegisterSetup;
  const sim = await SimulatedRegister.create({
    registerId,
    registerCode: setup.register.code,
    privateKey: keys.privateKey,
    head: setup.journalHead,
  });
  // Registers sell different items, as tills in different departments would, so the figure is not
  // one hot stock row.
  const items = setup.catalog.items.filter((i) => i.ean && !i.isBundle && i.unitPriceInclVat > 0);
  return {
    registerId,
    token: deviceToken,
    sim,
    cashierId: setup.cashiers.find((c) => c.role === 'cashier')!.staffId,
    items: [...items.slice((index * 5) % items.length), ...items.slice(0, (index * 5) % items.length)].slice(
      0,
      5,
    ),
  };
}

/** A 5-line sale paid with one card payment. */
function saleOf(r: BenchRegister, n: number) {
  const lines: SaleLineDraft[] = Array.from({ length: 5 }, (_, k) => {
    const item = r.items[(n * 5 + k) % r.items.length]!;
    return {
      skuId: item.skuId,
      skuCode: item.sku,
      name: item.name.sv,
      quantity: 1 + (k % 2),
      unitPriceInclVat: item.unitPriceInclVat,
      vatRateBp: item.vatRateBp,
    };
  });
  return r.sim.receipt({ cashierId: r.cashierId, lines });
}

async function sendCommands(baseUrl: string, r: BenchRegister, commands: RegisterCommandDto[]) {
  const response = await fetch(`${baseUrl}/api/registers/${r.registerId}/commands`, {
    method: 'POST',
    headers: { authorization: `Device ${r.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ commands }),
  });
  if (!response.ok) throw new Error(`commands answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<{ results: { isRepeat: boolean }[] }>;
}

async function measureSales(ctx: AppContext, baseUrl: string, db: BenchResult['db']): Promise<BenchResult[]> {
  const registers = await Promise.all(
    (await addRegisters(ctx.db, CLIENTS, 'BR')).map((id, i) => pairRegister(ctx, baseUrl, id, i)),
  );
  // The device's work (pricing, control unit, signing) is done before the clock starts.
  const queued = await Promise.all(
    registers.map(async (r) => {
      const commands: RegisterCommandDto[] = [];
      for (let n = 0; n < 400; n++) commands.push(await saleOf(r, n));
      return commands;
    }),
  );
  let sales = 0;
  const startedAt = performance.now();
  const deadline = startedAt + SALE_SECONDS * 1000;
  await Promise.all(
    registers.map(async (r, i) => {
      for (const command of queued[i]!) {
        if (performance.now() >= deadline) break;
        await sendCommands(baseUrl, r, [command]);
        sales += 1;
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  return [{ name: 'register.sale.rps', value: sales / seconds, unit: 'sales/s', db }];
}

async function measureOfflineSync(
  ctx: AppContext,
  baseUrl: string,
  db: BenchResult['db'],
): Promise<BenchResult[]> {
  const registers = await Promise.all(
    (await addRegisters(ctx.db, SYNC_REGISTERS, 'OFF')).map((id, i) => pairRegister(ctx, baseUrl, id, i)),
  );
  const perRegister = SYNC_RECEIPTS / SYNC_REGISTERS;
  const queues = await Promise.all(
    registers.map(async (r) => {
      const commands: RegisterCommandDto[] = [];
      for (let n = 0; n < perRegister; n++) commands.push(await saleOf(r, n));
      return commands;
    }),
  );
  const startedAt = performance.now();
  await Promise.all(
    registers.map(async (r, i) => {
      const queue = queues[i]!;
      for (let from = 0, batch = 0; from < queue.length; from += BATCH, batch++) {
        const commands = queue.slice(from, from + BATCH);
        await sendCommands(baseUrl, r, commands);
        if (batch % RESEND_EVERY === 0) {
          const again = await sendCommands(baseUrl, r, commands);
          if (!again.results.every((x) => x.isRepeat)) throw new Error('a resent batch was applied again');
        }
      }
    }),
  );
  const seconds = (performance.now() - startedAt) / 1000;
  const ids = registers.map((r) => r.registerId);
  const [count] = await ctx.db.query<{ stored: number; distinct: number; wanted: number }>(
    `select count(*)::integer as stored, count(distinct command_id)::integer as distinct,
            count(*) filter (where command_id = any($2))::integer as wanted
       from receipts where register_id = any($1)`,
    [ids, queues.flat().map((c) => c.commandId)],
  );
  return [
    { name: 'offline.sync.seconds', value: seconds, unit: 's', db },
    { name: 'offline.sync.lost', value: SYNC_RECEIPTS - count!.wanted, unit: 'receipts', db },
    { name: 'offline.sync.duplicated', value: count!.stored - count!.distinct, unit: 'receipts', db },
  ];
}

async function listening(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

export const registerSuite: BenchSuite = {
  figures: ['register.sale.rps', 'offline.sync.seconds', 'offline.sync.lost', 'offline.sync.duplicated'],
  async run(target, wanted) {
    const database = await target.open({ poolSize: CLIENTS + 4 });
    const ctx = createContext(database);
    const app = await buildApp(
      ctx,
      { ...loadConfig({}), logLevel: 'silent', runJobs: false },
      { logger: false, serveWebApps: false },
    );
    const results: BenchResult[] = [];
    try {
      await seedDemoData(database, {
        hashPassword: async (p) => `bench$${p}`,
        now: ctx.clock(),
        newId: ctx.newId,
      });
      const baseUrl = await listening(app);
      if (wanted('register.sale')) results.push(...(await measureSales(ctx, baseUrl, target.db)));
      if (wanted('offline.sync')) results.push(...(await measureOfflineSync(ctx, baseUrl, target.db)));
    } finally {
      await app.close();
      await database.close();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return results.filter((r) => wanted(r.name));
  },
};
