// A SIMULATED card terminal for demos, training, offline use and tests: it mimics a semi-integrated
// terminal's request/response flow (amount in, "follow the instructions on the terminal", a slip
// back) and speaks no real protocol and moves no money. It decides like this:
// - an amount ending in 13 öre (amount % 100 === 13) is declined ("Nekad"),
// - `isAvailable = false` answers unavailable (a terminal switched off or out of reach),
// - otherwise it approves after `delayMs`, with a made-up card number ending in 0119;
// - `cancel(reference)` while a request waits ends it as declined ("Avbruten").
import type { CardTerminal, CardTerminalRequest, CardTerminalResult } from './card-terminal';

/** The simulator's rule for a decline, documented so trainers can show one on purpose. */
export const SIMULATOR_DECLINE_ORE = 13;

export interface CardTerminalSimulator extends CardTerminal {
  /** False: every request answers unavailable. */
  isAvailable: boolean;
  /** Approved transactions so far (the simulator's own counter). */
  readonly approvedCount: number;
}

export interface CardTerminalSimulatorOptions {
  /** How long the "customer" takes at the terminal; 0 in tests. */
  delayMs?: number;
  /** Terminal id printed on the slip. */
  terminalId?: string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Creates a simulator; it runs in the browser and in Node. */
export function createCardTerminalSimulator(
  options: CardTerminalSimulatorOptions = {},
): CardTerminalSimulator {
  const delayMs = options.delayMs ?? 1_500;
  const terminalId = options.terminalId ?? 'SIM-TERM-01';
  const waiting = new Map<string, (result: CardTerminalResult) => void>();
  let approvedCount = 0;

  function answer(request: CardTerminalRequest): CardTerminalResult {
    if (!simulator.isAvailable) {
      return { status: 'unavailable', reason: 'Terminalen svarar inte (simulator)' };
    }
    if (request.amount % 100 === SIMULATOR_DECLINE_ORE) {
      return {
        status: 'declined',
        reason: 'Nekad av kortutgivaren (simulator: belopp som slutar på 13 öre)',
      };
    }
    approvedCount += 1;
    const transactionReference = `SIM${pad(approvedCount, 6)}`;
    const authorizationCode = pad((request.amount * 7919 + approvedCount * 104_729) % 1_000_000, 6);
    const maskedPan = '************0119';
    return {
      status: 'approved',
      amount: request.amount,
      transactionReference,
      maskedPan,
      authorizationCode,
      slip: [
        'KORTTERMINAL (SIMULATOR)',
        `Terminal ${terminalId}`,
        `Kort ${maskedPan}`,
        `Belopp ${(request.amount / 100).toFixed(2).replace('.', ',')} ${request.currency}`,
        `Ref ${transactionReference}  Auth ${authorizationCode}`,
        'GODKÄNT',
      ],
    };
  }

  const simulator: CardTerminalSimulator = {
    isAvailable: true,
    get approvedCount() {
      return approvedCount;
    },
    pay(request) {
      if (!simulator.isAvailable) return Promise.resolve(answer(request));
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(request.reference);
          resolve(answer(request));
        }, delayMs);
        waiting.set(request.reference, (result) => {
          clearTimeout(timer);
          waiting.delete(request.reference);
          resolve(result);
        });
      });
    },
    async cancel(reference) {
      waiting.get(reference)?.({ status: 'declined', reason: 'Avbruten' });
    },
  };
  return simulator;
}
