// Paying on the linked card terminal: the amount goes to the terminal, the cashier tells the
// customer to follow its instructions, and only an approved answer becomes a payment (with the
// terminal's reference); declined or unavailable keeps the sale open with the reason shown.
import {
  type CardTerminal,
  type CardTerminalResult,
  createCardTerminalSimulator,
  createNexoCardTerminal,
  nexoSimulatorTransport,
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

/** The simulated terminal's id, as a real one's would appear in the nexo messages. */
const SIMULATOR_POI_ID = 'SIM-TERMINAL-1';

/**
 * The register's terminal, spoken to over nexo Sale to POI. Until a real terminal's address is
 * configured the messages are answered by the built-in SIMULATOR (no money moves; amounts ending in
 * 13 öre are declined — see the core's simulator), so the same message path runs in demos.
 */
export function registerCardTerminal(saleId = 'KASSA'): CardTerminal {
  terminal ??= createNexoCardTerminal({
    saleId,
    poiId: SIMULATOR_POI_ID,
    send: nexoSimulatorTransport(createCardTerminalSimulator(), SIMULATOR_POI_ID),
  });
  return terminal;
}
