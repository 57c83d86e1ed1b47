import { describe, expect, it } from 'vitest';
import { type CardTerminal, payByCardTerminal } from './card-terminal';
import { createCardTerminalSimulator } from './card-terminal-simulator';

const request = (amount: number, reference = 'req_1') => ({ amount, currency: 'SEK', reference });

describe('card terminal simulator', () => {
  it('approves with a reference, a masked card number, an authorisation code and a slip', async () => {
    const terminal = createCardTerminalSimulator({ delayMs: 0 });
    const result = await payByCardTerminal(terminal, request(12_500));
    expect(result).toMatchObject({
      status: 'approved',
      amount: 12_500,
      transactionReference: 'SIM000001',
      maskedPan: '************0119',
    });
    if (result.status !== 'approved') throw new Error('approved expected');
    expect(result.authorizationCode).toMatch(/^\d{6}$/);
    expect(result.slip).toContain('KORTTERMINAL (SIMULATOR)');
    expect(result.slip).toContain('Belopp 125,00 SEK');
    expect((await payByCardTerminal(terminal, request(100, 'req_2'))).status).toBe('approved');
    expect(terminal.approvedCount).toBe(2);
  });

  it('declines an amount ending in 13 öre and approves one ending in 14', async () => {
    const terminal = createCardTerminalSimulator({ delayMs: 0 });
    expect(await payByCardTerminal(terminal, request(10_013))).toMatchObject({ status: 'declined' });
    expect((await payByCardTerminal(terminal, request(10_014))).status).toBe('approved');
  });

  it('answers unavailable when switched off, and a cancelled request ends declined', async () => {
    const terminal = createCardTerminalSimulator({ delayMs: 60_000 });
    terminal.isAvailable = false;
    expect((await payByCardTerminal(terminal, request(500))).status).toBe('unavailable');
    terminal.isAvailable = true;
    const pending = payByCardTerminal(terminal, request(500, 'req_slow'));
    await terminal.cancel('req_slow');
    expect(await pending).toEqual({ status: 'declined', reason: 'Avbruten' });
    expect(terminal.approvedCount).toBe(0);
  });

  it('turns a terminal that throws, or approves another amount, into unavailable; refuses a bad amount', async () => {
    const broken: CardTerminal = {
      pay: () => Promise.reject(new Error('connection reset')),
      cancel: async () => {},
    };
    expect(await payByCardTerminal(broken, request(500))).toEqual({
      status: 'unavailable',
      reason: 'connection reset',
    });
    const greedy: CardTerminal = {
      pay: async (r) => ({
        status: 'approved',
        amount: r.amount + 1,
        transactionReference: 'X',
        maskedPan: '****',
        authorizationCode: '1',
        slip: [],
      }),
      cancel: async () => {},
    };
    expect((await payByCardTerminal(greedy, request(500))).status).toBe('unavailable');
    expect((await payByCardTerminal(greedy, request(0))).status).toBe('declined');
  });
});
