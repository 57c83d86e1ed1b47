// Where an X or Z report's figures come from. Online with every queued command on the server, the
// server's (it holds the whole journal, other devices' entries too); otherwise the device's own,
// computed by the same core function over the entries it keeps since the last Z. Both agree for the
// same journal (apps/server/src/modules/register/day-report-offline.http.test.ts).
import { ApiError } from '@handla/api';
import type { DayReport } from '@handla/core';
import { type LocalDay, localDayReport, nextZNumber, type ServerZ } from '../offline/day-journal';

export interface DayFigures {
  report: DayReport;
  source: 'server' | 'device';
  /** The number the next Z report gets; null when only the server knows it. */
  nextZNumber: number | null;
}

/** What finding the figures needs; the panel passes the real register, tests a stand-in. */
export interface DayFigureSources {
  isOnline: boolean;
  registerId: string;
  currency: string;
  now: () => Date;
  /** Sends the queue; resolves with how many commands are still waiting. */
  sendQueue: () => Promise<number>;
  serverX: () => Promise<DayReport>;
  serverLastZ: () => Promise<ServerZ | null>;
  /** Makes the server's last Z the day's start on the device (and prunes what it closed). */
  saveServerLastZ: (z: ServerZ | null) => Promise<void>;
  readLocalDay: () => Promise<{ day: LocalDay; headSequence: number }>;
}

/**
 * The figures since the last Z report, or null when the device is offline (or its queue is stuck)
 * and does not hold the whole day. A refusal from the server is thrown; a network failure falls
 * back to the device's figures.
 */
export async function findDayFigures(s: DayFigureSources): Promise<DayFigures | null> {
  if (s.isOnline) {
    try {
      if ((await s.sendQueue()) === 0) {
        const lastZ = await s.serverLastZ();
        await s.saveServerLastZ(lastZ);
        return {
          report: await s.serverX(),
          source: 'server',
          nextZNumber: lastZ ? (lastZ.number === null ? null : lastZ.number + 1) : 1,
        };
      }
    } catch (error) {
      if (error instanceof ApiError) throw error;
    }
  }
  const { day, headSequence } = await s.readLocalDay();
  const report = localDayReport(day, headSequence, {
    kind: 'x',
    registerId: s.registerId,
    currency: s.currency,
    createdAt: s.now().toISOString(),
  });
  return report ? { report, source: 'device', nextZNumber: nextZNumber(day.base) } : null;
}
