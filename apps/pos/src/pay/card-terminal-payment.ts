// Paying on the linked card terminal: the amount goes to the terminal, the cashier tells the
// customer to follow its instructions, and only an approved answer becomes a payment (with the
// terminal's reference); declined or unavailable keeps the sale open with the reason shown.
import {
  type CardTerminal,
  type CardTerminalResult,
  createCardTerminalSimulator,
  type PaymentInput,
  payByCardTerminal,
} from '@handla/core';

/** What the pay panel does with the terminal's answer. */
export type CardTerminalOutcome =
  | { kind: 'approved'; payment: PaymentInput; slip: readonly string[] }
  | { kind: 'declined' | 'unavailable'; reason: string };

/** The payment an answer records, or why there is none. */
export function outcomeOf(result: CardTerminalResult): CardTerminalOutcome {
  if (result.status !== 'approved') return { kind: result.status, reason: result.reason };
  return {
    kind: 'approved',
    payment: { method: 'card_terminal', amount: result.amount, reference: result.transactionReference },
    slip: result.slip,
  };
}

/** Sends `amount` to the terminal and turns its answer into an outcome; never rejects. */
export async function payOnTerminal(
  terminal: CardTerminal,
  request: { amount: number; currency: string; reference: string },
): Promise<CardTerminalOutcome> {
  return outcomeOf(await payByCardTerminal(terminal, request));
}

let terminal: CardTerminal | null = null;

/**
 * The register's terminal. Until a real terminal's driver is configured this is the built-in
 * SIMULATOR (no money moves; amounts ending in 13 öre are declined — see the core's simulator).
 */
export function registerCardTerminal(): CardTerminal {
  terminal ??= createCardTerminalSimulator();
  return terminal;
}
