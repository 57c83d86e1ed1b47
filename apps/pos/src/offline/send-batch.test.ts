import { ApiError } from '@handla/api';
import { describe, expect, it } from 'vitest';
import type { DeviceApi } from '../device-api';
import type { QueuedCommand } from './db';
import { sendBatch } from './useSync';

const batch: QueuedCommand[] = [1, 2, 3, 4].map((sequence) => ({
  sequence,
  commandId: `cmd_${sequence}`,
  command: {},
  queuedAt: '2026-11-23T10:00:00.000Z',
}));

function apiThrowing(error: unknown): DeviceApi {
  return {
    sendCommands: async () => {
      throw error;
    },
  } as unknown as DeviceApi;
}

describe('one batch through the commands endpoint', () => {
  it('counts the commands before a refused one as applied and names the refusal', async () => {
    const refusal = new ApiError({
      type: 'about:blank',
      title: 'Journal gap',
      status: 409,
      code: 'journal_gap',
      detail: 'Expected sequence 7',
      errors: [{ field: 'commands.2.journalEntry.sequence', message: 'Expected 7' }],
    });
    expect(await sendBatch(apiThrowing(refusal), batch)).toEqual([
      { sequence: 1, status: 'applied' },
      { sequence: 2, status: 'applied' },
      { sequence: 3, status: 'rejected', code: 'journal_gap', message: 'Expected sequence 7' },
    ]);
  });

  it('keeps everything for later when the server cannot be reached or fails', async () => {
    await expect(sendBatch(apiThrowing(new TypeError('Failed to fetch')), batch)).rejects.toThrow(TypeError);
    const serverError = new ApiError({
      type: 'about:blank',
      title: 'Oops',
      status: 503,
      code: 'internal_error',
      errors: [],
    });
    await expect(sendBatch(apiThrowing(serverError), batch)).rejects.toBe(serverError);
  });

  it('reports every command applied when the batch is accepted', async () => {
    const api = { sendCommands: async () => ({ results: [] }) } as unknown as DeviceApi;
    expect((await sendBatch(api, batch)).every((o) => o.status === 'applied')).toBe(true);
  });
});
