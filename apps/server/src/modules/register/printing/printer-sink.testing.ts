// For tests: a network receipt printer on a free local port that keeps the bytes of each job (one
// job per connection), and reads a job back with the ESC/POS decoder.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { decodeEscPos, type PrintedReceipt } from './escpos-decoder.testing';

export interface PrinterSink {
  port: number;
  /** The bytes of every job so far, in arrival order. */
  jobs: Buffer[][];
  /** Waits for job number `count` (1-based) and decodes it. */
  printed(count: number): Promise<PrintedReceipt>;
  close(): void;
}

export async function startPrinterSink(): Promise<PrinterSink> {
  const jobs: Buffer[][] = [];
  const server = createServer((socket) => {
    const job: Buffer[] = [];
    jobs.push(job);
    socket.on('data', (chunk) => job.push(chunk));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    jobs,
    async printed(count) {
      for (let i = 0; i < 100 && jobs.length < count; i++) await new Promise((r) => setTimeout(r, 20));
      // The job is complete once the sender closed; give the last chunk a moment to land.
      await new Promise((r) => setTimeout(r, 50));
      return decodeEscPos(new Uint8Array(Buffer.concat(jobs[count - 1] ?? [])));
    },
    close: () => server.close(),
  };
}
