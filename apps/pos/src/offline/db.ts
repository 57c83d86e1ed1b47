// The register's IndexedDB: what it needs to sell with no network, and what it has not sent yet.
// Every write that matters for money (the command queue, the journal head) is awaited before the
// register shows a receipt, so closing the tab or restarting the device loses nothing.
import type { RegisterCashier, RegisterCatalogItem, RegisterSetup } from '@handla/api';
import type { JournalEntry } from '@handla/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import {
  baseFromServer,
  type DayBase,
  dayAfterZ,
  FIRST_DAY,
  journalEntryOf,
  type LocalDay,
  type ServerZ,
} from './day-journal';

/** This device after pairing; the private key cannot be exported, only used to sign. */
export interface DeviceRecord {
  deviceId: string;
  deviceToken: string;
  registerId: string;
  storeId: string;
  privateKey: CryptoKey;
  publicKey: JsonWebKey;
  pairedAt: string;
}

/** The setup snapshot without its catalog (the catalog lives in its own store, indexed by code). */
export type SetupSnapshot = Omit<RegisterSetup, 'catalog' | 'cashiers'> & {
  pricedAt: string;
  fetchedAt: string;
};

/** Where this device's journal stands: the next entry continues from here. */
export interface JournalHead {
  sequence: number;
  hash: string;
  receiptNumber: number;
  /** This device's own gapless command counter (the journal may hold other devices' entries too). */
  deviceSequence: number;
}

/** A command waiting for the server, in journal order. */
export interface QueuedCommand<C = unknown> {
  sequence: number;
  commandId: string;
  command: C;
  queuedAt: string;
  /** Set when the server refused it: the queue stops here until someone looks. */
  rejection?: { code: string; message: string };
}

/** A receipt put aside to serve the next customer. */
export interface ParkedReceipt<D = unknown> {
  id: string;
  parkedAt: string;
  cashierName: string;
  label: string;
  draft: D;
}

/** A receipt this device completed (shown, reprinted and searched while offline). */
export interface LocalReceipt<R = unknown> {
  id: string;
  number: number;
  completedAt: string;
  totalInclVat: number;
  isTraining: boolean;
  kind: 'sale' | 'return';
  receipt: R;
  html: string;
}

interface PosSchema extends DBSchema {
  meta: { key: string; value: unknown };
  skus: { key: string; value: RegisterCatalogItem; indexes: { ean: string; sku: string } };
  cashiers: { key: string; value: RegisterCashier };
  queue: { key: number; value: QueuedCommand };
  parked: { key: string; value: ParkedReceipt };
  receipts: { key: string; value: LocalReceipt; indexes: { number: number } };
  /** Every journal entry this device appended since the last Z report (see ./day-journal.ts). */
  dayJournal: { key: number; value: JournalEntry };
}

export type PosDb = IDBPDatabase<PosSchema>;

const DB_NAME = 'handla-pos';

/** Opens (and on first use creates) the register's database. */
export function openPosDb(name = DB_NAME): Promise<PosDb> {
  return openDB<PosSchema>(name, 2, {
    // Each version adds to what the one before made, so a device keeps its queue and receipts.
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('meta');
        const skus = db.createObjectStore('skus', { keyPath: 'skuId' });
        skus.createIndex('ean', 'ean');
        skus.createIndex('sku', 'sku');
        db.createObjectStore('cashiers', { keyPath: 'staffNumber' });
        db.createObjectStore('queue', { keyPath: 'sequence' });
        db.createObjectStore('parked', { keyPath: 'id' });
        db.createObjectStore('receipts', { keyPath: 'id' }).createIndex('number', 'number');
      }
      // Entries sent before version 2 are not here: the day is incomplete until its next Z is known.
      if (oldVersion < 2) db.createObjectStore('dayJournal', { keyPath: 'sequence' });
    },
  });
}

export async function readDevice(db: PosDb): Promise<DeviceRecord | undefined> {
  return (await db.get('meta', 'device')) as DeviceRecord | undefined;
}

export async function saveDevice(db: PosDb, device: DeviceRecord): Promise<void> {
  await db.put('meta', device, 'device');
}

/** Forgets the pairing (after the server revoked it); the queue and receipts stay for the next pairing. */
export async function forgetDevice(db: PosDb): Promise<void> {
  await db.delete('meta', 'device');
}

export async function readSnapshot(db: PosDb): Promise<SetupSnapshot | undefined> {
  return (await db.get('meta', 'setup')) as SetupSnapshot | undefined;
}

export async function readJournalHead(db: PosDb): Promise<JournalHead> {
  return (
    ((await db.get('meta', 'journalHead')) as JournalHead | undefined) ?? {
      sequence: 0,
      hash: '',
      receiptNumber: 0,
      deviceSequence: 0,
    }
  );
}

/**
 * Replaces the cached catalog, cashiers and settings with a fresh snapshot in one transaction. The
 * local journal head only moves forward: commands still queued here are ahead of the server.
 */
export async function saveSetup(db: PosDb, setup: RegisterSetup, fetchedAt: string): Promise<void> {
  const tx = db.transaction(['meta', 'skus', 'cashiers'], 'readwrite');
  const { catalog, cashiers, ...rest } = setup;
  const meta = tx.objectStore('meta');
  const localHead = ((await meta.get('journalHead')) as JournalHead | undefined) ?? null;
  if (!localHead || localHead.sequence < setup.journalHead.sequence) {
    await meta.put({ ...setup.journalHead, deviceSequence: localHead?.deviceSequence ?? 0 }, 'journalHead');
  }
  await meta.put({ ...rest, pricedAt: catalog.pricedAt, fetchedAt } satisfies SetupSnapshot, 'setup');
  const skus = tx.objectStore('skus');
  await skus.clear();
  for (const item of catalog.items) void skus.put(item);
  const cashierStore = tx.objectStore('cashiers');
  await cashierStore.clear();
  for (const cashier of cashiers) void cashierStore.put(cashier);
  await tx.done;
  // Where the day starts, so X and Z work offline even before the cash screen was opened online.
  if (setup.lastZ) {
    await saveServerLastZ(db, {
      sequence: setup.lastZ.sequence,
      number: setup.lastZ.number,
      report: { grandTotals: setup.lastZ.grandTotals },
    });
  }
}

/** The SKU with this EAN or article number, if the register knows it. */
export async function findSkuByCode(db: PosDb, code: string): Promise<RegisterCatalogItem | undefined> {
  const trimmed = code.trim();
  return (await db.getFromIndex('skus', 'ean', trimmed)) ?? (await db.getFromIndex('skus', 'sku', trimmed));
}

export async function getSku(db: PosDb, skuId: string): Promise<RegisterCatalogItem | undefined> {
  return db.get('skus', skuId);
}

/** Up to `limit` SKUs whose name, article number or EAN contains every word of `query`. */
export async function searchSkus(db: PosDb, query: string, limit = 30): Promise<RegisterCatalogItem[]> {
  const words = query.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found: RegisterCatalogItem[] = [];
  let cursor = await db.transaction('skus').store.openCursor();
  while (cursor && found.length < limit) {
    const item = cursor.value;
    const text = [item.name.sv, item.name.en, item.sku, item.ean ?? '', ...Object.values(item.options)]
      .join(' ')
      .toLocaleLowerCase('sv');
    if (words.every((word) => text.includes(word))) found.push(item);
    cursor = await cursor.continue();
  }
  return found;
}

export async function getCashier(db: PosDb, staffNumber: string): Promise<RegisterCashier | undefined> {
  return db.get('cashiers', staffNumber);
}

/**
 * Queues a command, moves the journal head, keeps its entry for the day's reports and (for a
 * receipt) keeps the receipt, in one transaction: either all happen or none, so a number is never
 * reused or skipped and no entry is missing from an offline X or Z report. A Z report starts a new
 * day: the entries it closed are dropped.
 */
export async function recordCompletion(
  db: PosDb,
  queued: QueuedCommand,
  head: JournalHead,
  receipt?: LocalReceipt,
  completedCartId?: string,
): Promise<void> {
  const tx = db.transaction(['queue', 'meta', 'receipts', 'dayJournal'], 'readwrite');
  const current = ((await tx.objectStore('meta').get('journalHead')) as JournalHead | undefined) ?? null;
  if ((current?.sequence ?? 0) + 1 !== queued.sequence) {
    tx.abort();
    throw new Error(
      `The journal moved on: expected entry ${(current?.sequence ?? 0) + 1}, got ${queued.sequence}`,
    );
  }
  await tx.objectStore('queue').add(queued);
  await tx.objectStore('meta').put(head, 'journalHead');
  const entry = journalEntryOf(queued.command);
  if (entry?.kind === 'report_z') {
    const day = tx.objectStore('dayJournal');
    const closing: LocalDay = {
      base: ((await tx.objectStore('meta').get('dayBase')) as DayBase | undefined) ?? FIRST_DAY,
      entries: await day.getAll(),
    };
    await tx.objectStore('meta').put(dayAfterZ(closing, current?.sequence ?? 0, entry), 'dayBase');
    await day.clear();
  } else if (entry) {
    await tx.objectStore('dayJournal').put(entry);
  }
  if (receipt) await tx.objectStore('receipts').put(receipt);
  // The sold cart goes with the sale, so a crash right after cannot bring it back to sell twice.
  const currentCart = (await tx.objectStore('meta').get('currentCart')) as { id?: string } | undefined;
  if (completedCartId && currentCart?.id === completedCartId)
    await tx.objectStore('meta').delete('currentCart');
  await tx.done;
}

/** The day since the last Z report as this device holds it, and its journal head, read together. */
export async function readLocalDay(db: PosDb): Promise<{ day: LocalDay; headSequence: number }> {
  const tx = db.transaction(['meta', 'dayJournal']);
  const base = ((await tx.objectStore('meta').get('dayBase')) as DayBase | undefined) ?? FIRST_DAY;
  const head = (await tx.objectStore('meta').get('journalHead')) as JournalHead | undefined;
  const entries = await tx.objectStore('dayJournal').getAll();
  await tx.done;
  return { day: { base, entries }, headSequence: head?.sequence ?? 0 };
}

/**
 * Takes the server's last Z report as the day's start when it is at least as new as the local one,
 * and drops the entries it closed.
 */
export async function saveServerLastZ(db: PosDb, serverZ: ServerZ | null): Promise<void> {
  const tx = db.transaction(['meta', 'dayJournal'], 'readwrite');
  const local = ((await tx.objectStore('meta').get('dayBase')) as DayBase | undefined) ?? FIRST_DAY;
  const next = baseFromServer(local, serverZ);
  if (next) {
    await tx.objectStore('meta').put(next, 'dayBase');
    await tx.objectStore('dayJournal').delete(IDBKeyRange.upperBound(next.zSequence));
  }
  await tx.done;
}

export async function listQueue(db: PosDb): Promise<QueuedCommand[]> {
  return db.getAll('queue');
}

export async function removeQueued(db: PosDb, sequence: number): Promise<void> {
  await db.delete('queue', sequence);
}

export async function markRejected(db: PosDb, sequence: number, rejection: QueuedCommand['rejection']) {
  const queued = await db.get('queue', sequence);
  if (queued) await db.put('queue', { ...queued, rejection });
}

export async function saveLocalReceipt(db: PosDb, receipt: LocalReceipt): Promise<void> {
  await db.put('receipts', receipt);
}

export async function listLocalReceipts(db: PosDb, limit = 100): Promise<LocalReceipt[]> {
  const found: LocalReceipt[] = [];
  let cursor = await db.transaction('receipts').store.index('number').openCursor(null, 'prev');
  while (cursor && found.length < limit) {
    found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
}

/** The receipt being rung up, kept so a reload or a crash mid-sale does not lose the scanned lines. */
export async function readCurrentCart<C>(db: PosDb): Promise<C | undefined> {
  return (await db.get('meta', 'currentCart')) as C | undefined;
}

export async function saveCurrentCart(db: PosDb, cart: unknown): Promise<void> {
  await db.put('meta', cart, 'currentCart');
}

export async function parkReceipt(db: PosDb, parked: ParkedReceipt): Promise<void> {
  await db.put('parked', parked);
}

export async function listParked(db: PosDb): Promise<ParkedReceipt[]> {
  return db.getAll('parked');
}

export async function removeParked(db: PosDb, id: string): Promise<void> {
  await db.delete('parked', id);
}
