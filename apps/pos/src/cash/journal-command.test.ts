import { RegisterCommandDto } from '@handla/api';
import { buildDayReport, type JournalEntry, verifyJournal } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { buildJournalCommand, mayOpenDrawerAlone } from './journal-command';

async function keyPair() {
  return (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
}

describe('cash commands as the register queues them', () => {
  it('chains drawer, movement and Z report entries and matches the server contract', async () => {
    const keys = await keyPair();
    let head = { sequence: 4, hash: 'abc', receiptNumber: 3, deviceSequence: 7 };
    const at = '2026-11-23T17:00:00.000Z';
    const make = async (
      n: number,
      ...rest: Parameters<typeof buildJournalCommand> extends [unknown, ...infer R] ? R : never
    ) => {
      const command = await buildJournalCommand(
        {
          head,
          registerId: 'reg_1',
          privateKey: keys.privateKey,
          cashierId: 'stf_1',
          at,
          commandId: `cmd_${n}`,
        },
        ...rest,
      );
      head = {
        ...head,
        sequence: command.journalEntry.sequence,
        hash: command.journalEntry.hash,
        deviceSequence: command.deviceSequence,
      };
      return command;
    };
    const drawer = await make(
      1,
      'drawer_open',
      { cashierId: 'stf_1', reason: 'Växla' },
      { kind: 'drawer.open', reason: 'Växla' },
      { staffNumber: '201', pin: '2468' },
    );
    const movement = await make(
      2,
      'cash_movement',
      { cashierId: 'stf_1', movement: 'expense', amount: 5_000, currency: 'SEK', note: 'Kaffe' },
      { kind: 'cash.movement', movement: 'expense', amount: 5_000, currency: 'SEK', note: 'Kaffe' },
    );
    const report = buildDayReport({
      kind: 'z',
      registerId: 'reg_1',
      currency: 'SEK',
      createdAt: at,
      entries: [],
    });
    const cashCount = [{ currency: 'SEK', counted: 95_000 }];
    const z = await make(
      3,
      'report_z',
      { ...report, reportId: 'zr_1', cashierId: 'stf_1', cashCount },
      { kind: 'report.z', reportId: 'zr_1', cashCount },
    );

    for (const command of [drawer, movement, z])
      expect(RegisterCommandDto.safeParse(command).success).toBe(true);
    expect([drawer, movement, z].map((c) => [c.journalEntry.sequence, c.deviceSequence])).toEqual([
      [5, 8],
      [6, 9],
      [7, 10],
    ]);
    expect(drawer).toMatchObject({ kind: 'drawer.open', approval: { staffNumber: '201' } });
    const entries = [drawer, movement, z].map((c) => c.journalEntry as JournalEntry);
    expect(await verifyJournal(entries, keys.publicKey, { sequence: 4, hash: 'abc' })).toEqual({ ok: true });
  });

  it('lets managers and owners open the drawer alone, not cashiers', () => {
    expect(mayOpenDrawerAlone({ role: 'cashier' })).toBe(false);
    expect(mayOpenDrawerAlone({ role: 'manager' })).toBe(true);
    expect(mayOpenDrawerAlone({ role: 'owner' })).toBe(true);
  });
});
