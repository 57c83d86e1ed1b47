// Sinks the e2e server talks to instead of the outside world, and an HTTP server to inspect them:
//
// - SMTP sink (`smtp-server`, 127.0.0.1, random port, no auth, no STARTTLS): the global setup gives
//   the spawned server `SMTP_URL=smtp://127.0.0.1:<port>`; every mail is parsed with mailparser.
// - Receipt-printer sink: a TCP server on a free port (like a network printer on 9100) that keeps
//   the raw bytes of each connection. Specs get the port via `inject('printerPort')`.
// - Webhook receiver: `POST <sinkUrl>/webhooks` (subscribe that URL through /api/webhooks) keeps
//   each delivery's Standard Webhooks headers and its body byte for byte, so a spec can verify the
//   signatures with the subscription's secret; answers 204.
// - Inspection server at `inject('sinkUrl')`:
//     GET /mail      → [{ to, subject, text, html, attachments: [{ filename, contentType, cid, contentBase64 }] }]
//     GET /printer   → [{ receivedAt, bytesBase64 }]
//     GET /webhooks  → [{ receivedAt, headers: { 'webhook-id', 'webhook-timestamp', 'webhook-signature' }, body }]
//     DELETE /mail, DELETE /printer, DELETE /webhooks → clear (204)
//   Mail is delivered by a background job, so specs poll `GET /mail` until the mail they expect arrives.
import {
  createServer as createHttpServer,
  type Server as HttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import {
  type AddressInfo,
  createServer as createTcpServer,
  type Socket,
  type Server as TcpServer,
} from 'node:net';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename?: string; contentType: string; cid?: string; contentBase64: string }[];
}

export interface PrinterJob {
  receivedAt: string;
  bytesBase64: string;
}

export interface ReceivedWebhook {
  receivedAt: string;
  headers: Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string>;
  /** The raw body: a signature covers these exact bytes. */
  body: string;
}

export interface Sinks {
  smtpUrl: string;
  printerPort: number;
  sinkUrl: string;
  mails: SinkMail[];
  printerJobs: PrinterJob[];
  webhooks: ReceivedWebhook[];
  close(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((group) => group.value.map((a) => a.address ?? '')).filter(Boolean);
}

async function listen(server: HttpServer | TcpServer): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

function startSmtpSink(mails: SinkMail[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream, { keepCidLinks: true })
        .then((parsed) => {
          mails.push({
            to: addresses(parsed.to),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html === false ? '' : (parsed.html ?? ''),
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              cid: a.cid,
              contentBase64: a.content.toString('base64'),
            })),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, port: (server.server.address() as AddressInfo).port });
    });
  });
}

function startPrinterSink(jobs: PrinterJob[]): { server: TcpServer; dropConnections: () => void } {
  const openSockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    const chunks: Buffer[] = [];
    openSockets.add(socket);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      openSockets.delete(socket);
      if (chunks.length === 0) return; // a connection check, not a print job
      jobs.push({
        receivedAt: new Date().toISOString(),
        bytesBase64: Buffer.concat(chunks).toString('base64'),
      });
    });
  });
  // `server.close` waits for open connections; a printer being switched off just drops them.
  const dropConnections = () => {
    for (const socket of openSockets) socket.destroy();
  };
  return { server, dropConnections };
}

function receiveWebhook(request: IncomingMessage, response: ServerResponse, webhooks: ReceivedWebhook[]) {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const header = (name: string) => String(request.headers[name] ?? '');
    webhooks.push({
      receivedAt: new Date().toISOString(),
      headers: {
        'webhook-id': header('webhook-id'),
        'webhook-timestamp': header('webhook-timestamp'),
        'webhook-signature': header('webhook-signature'),
      },
      body: Buffer.concat(chunks).toString('utf8'),
    });
    response.writeHead(204).end();
  });
}

function startInspection(mails: SinkMail[], jobs: PrinterJob[], webhooks: ReceivedWebhook[]): HttpServer {
  return createHttpServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://sink').pathname;
    const lists: Record<string, unknown[]> = { '/mail': mails, '/printer': jobs, '/webhooks': webhooks };
    const list = lists[path];
    if (path === '/webhooks' && request.method === 'POST') {
      receiveWebhook(request, response, webhooks);
    } else if (list === undefined) {
      response.writeHead(404).end();
    } else if (request.method === 'GET') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
    } else if (request.method === 'DELETE') {
      list.splice(0);
      response.writeHead(204).end();
    } else {
      response.writeHead(405).end();
    }
  });
}

/** Starts the SMTP sink, the printer sink and the inspection server on free local ports. */
export async function startSinks(): Promise<Sinks> {
  const mails: SinkMail[] = [];
  const printerJobs: PrinterJob[] = [];
  const webhooks: ReceivedWebhook[] = [];
  const smtp = await startSmtpSink(mails);
  const printer = startPrinterSink(printerJobs);
  const printerPort = await listen(printer.server);
  const inspection = startInspection(mails, printerJobs, webhooks);
  const inspectionPort = await listen(inspection);
  const closeServer = (server: HttpServer | TcpServer) =>
    new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
    printerPort,
    sinkUrl: `http://127.0.0.1:${inspectionPort}`,
    mails,
    printerJobs,
    webhooks,
    async close() {
      inspection.closeAllConnections();
      printer.dropConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.server.close(() => resolve())),
        closeServer(printer.server),
        closeServer(inspection),
      ]);
    },
  };
}
