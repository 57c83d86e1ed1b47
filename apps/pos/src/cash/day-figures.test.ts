import { ApiError } from '@handla/api';
import { buildDayReport, type DayReport, type JournalEntry } from '@handla/core';
import { describe, expect, it } from 'vitest';
import { FIRST_DAY, type LocalDay, type ServerZ } from '../offline/day-journal';
import { type DayFigureSources, findDayFigures } from './day-figures';

const at = '2026-12-03T17:00:00.000Z';
const float: JournalEntry = {
  registerId: 'reg_1',
  sequence: 1,
  kind: 'cash_movement',
  at,
  payload: { cashierId: 'stf_1', movement: 'float', amount: 100_000, currency: 'SEK' },
  previousHash: '',
  hash: 'h1',
  signature: 's',
};
const serverReport: DayReport = {
  ...buildDayReport({ kind: 'x', registerId: 'reg_1', currency: 'SEK', createdAt: at, entries: [] }),
  net: 12_345,
};

/** The register's sources with `overrides`; records what was called. */
function sources(overrides: Partial<DayFigureSources> & { day?: LocalDay; head?: number }) {
  const calls: string[] = [];
  const { day = { base: FIRST_DAY, entries: [float] }, head = 1, ...rest } = overrides;
  const s: DayFigureSources = {
    isOnline: true,
    registerId: 'reg_1',
    currency: 'SEK',
    now: () => new Date(at),
    sendQueue: async () => {
      calls.push('send');
      return 0;
    },
    serverX: async () => {
      calls.push('x');
      return serverReport;
    },
    serverLastZ: async () => ({
      sequence: 0,
      number: 6,
      report: { grandTotals: { sales: 0, returns: 0, net: 0 } },
    }),
    saveServerLastZ: async (z: ServerZ | null) => {
      calls.push(`save:${z?.number}`);
    },
    readLocalDay: async () => ({ day, headSequence: head }),
    ...rest,
  };
  return { s, calls };
}

describe('where the report figures come from', () => {
  it("takes the server's once the queue is sent, and learns the last Z from it", async () => {
    const { s, calls } = sources({});
    const found = await findDayFigures(s);
    expect(found).toEqual({ report: serverReport, source: 'server', nextZNumber: 7 });
    expect(calls).toEqual(['send', 'save:6', 'x']);
  });

  it('computes its own offline, with the next Z number it knows', async () => {
    const { s, calls } = sources({ isOnline: false });
    const found = await findDayFigures(s);
    expect(calls).toEqual([]);
    expect(found).toMatchObject({
      source: 'device',
      nextZNumber: 1,
      report: { expectedCash: 100_000, createdAt: at },
    });
  });

  it('uses its own when the queue cannot be emptied or the network drops mid-way', async () => {
    const stuck = sources({ sendQueue: async () => 2 });
    expect((await findDayFigures(stuck.s))?.source).toBe('device');
    expect(stuck.calls).not.toContain('x');
    const dropped = sources({
      serverX: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect((await findDayFigures(dropped.s))?.source).toBe('device');
  });

  it('gives nothing when the device does not hold the whole day, and passes a server refusal on', async () => {
    const { s } = sources({ isOnline: false, head: 2 });
    expect(await findDayFigures(s)).toBeNull();
    const refused = new ApiError({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      code: 'forbidden',
      errors: [],
    });
    const { s: denied } = sources({
      serverX: async () => {
        throw refused;
      },
    });
    await expect(findDayFigures(denied)).rejects.toBe(refused);
  });
});
