// Sends bytes to a network receipt printer: raw TCP on port 9100 (the "JetDirect"/AppSocket port
// every Ethernet receipt printer listens on). The printer answers nothing, so success means every
// byte was handed to the network before the timeout.
import { connect } from 'node:net';
import { DomainError } from '@handla/core';

export interface PrinterAddress {
  host: string;
  port?: number;
}

export interface SendOptions {
  /** Milliseconds for connecting and writing everything; default 5 s. */
  timeoutMs?: number;
}

/**
 * Writes `bytes` to the printer and closes the connection; throws `printer_unavailable` naming the
 * printer and the cause (refused, unreachable, timed out).
 */
export function sendToPrinter(
  bytes: Uint8Array,
  printer: PrinterAddress,
  options: SendOptions = {},
): Promise<void> {
  const port = printer.port ?? 9100;
  const where = `${printer.host}:${port}`;
  const timeoutMs = options.timeoutMs ?? 5_000;
  return new Promise((resolve, reject) => {
    const socket = connect({ host: printer.host, port });
    let isSettled = false;
    const fail = (cause: string) => {
      if (isSettled) return;
      isSettled = true;
      socket.destroy();
      reject(new DomainError('printer_unavailable', `The receipt printer at ${where} ${cause}`));
    };
    // One deadline for the whole job: a printer out of paper accepts the connection but stops reading.
    const timer = setTimeout(() => fail(`did not take the receipt within ${timeoutMs} ms`), timeoutMs);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(`cannot be reached (${error.code ?? error.message})`);
    });
    socket.once('connect', () => {
      // Status bytes a printer may send back are drained, so closing never turns into a reset
      // that could drop the tail of the receipt; an idle socket is let go after the timeout.
      socket.resume();
      socket.end(bytes, () => {
        clearTimeout(timer);
        if (isSettled) return;
        isSettled = true;
        socket.setTimeout(timeoutMs, () => socket.destroy());
        resolve();
      });
    });
  });
}
