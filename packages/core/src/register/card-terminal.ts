// A card terminal linked to the register ("semi-integrated"): the register sends the amount, the
// customer deals with the terminal, and the terminal answers approved (with its slip), declined or
// unavailable. Card data never passes through the register; it only records the answer. Real
// terminals (each its own protocol) sit behind this port; `card-terminal-simulator.ts` is built in.

/** What the register asks the terminal to take. */
export interface CardTerminalRequest {
  /** Positive minor units. */
  readonly amount: number;
  readonly currency: string;
  /** The register's own id of the request, echoed back, and the key to cancel it. */
  readonly reference: string;
}

/** The terminal's answer. */
export type CardTerminalResult =
  | {
      readonly status: 'approved';
      readonly amount: number;
      /** The terminal's transaction reference: recorded as the payment's reference. */
      readonly transactionReference: string;
      /** The card number as the terminal shows it, e.g. `************0119`. */
      readonly maskedPan: string;
      readonly authorizationCode: string;
      /** The terminal's slip, line by line, for the merchant copy or the receipt. */
      readonly slip: readonly string[];
    }
  | { readonly status: 'declined'; readonly reason: string }
  | { readonly status: 'unavailable'; readonly reason: string };

/** A card terminal as the register talks to it. `pay` never rejects for a card answer. */
export interface CardTerminal {
  pay(request: CardTerminalRequest): Promise<CardTerminalResult>;
  /** Asks the terminal to abandon the request `reference` (its `pay` then answers declined). */
  cancel(reference: string): Promise<void>;
}

/**
 * Sends the request, turning a terminal that throws (a lost connection) into `unavailable`, so the
 * register always has an answer to show and the sale stays open unless the payment was approved.
 */
export async function payByCardTerminal(
  terminal: CardTerminal,
  request: CardTerminalRequest,
): Promise<CardTerminalResult> {
  if (!Number.isSafeInteger(request.amount) || request.amount <= 0) {
    return { status: 'declined', reason: 'The amount must be a positive whole number of minor units' };
  }
  try {
    const result = await terminal.pay(request);
    if (result.status === 'approved' && result.amount !== request.amount) {
      // A terminal approving another amount than asked is not something to record silently.
      return {
        status: 'unavailable',
        reason: `The terminal approved ${result.amount}, not ${request.amount}`,
      };
    }
    return result;
  } catch (error) {
    return { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
