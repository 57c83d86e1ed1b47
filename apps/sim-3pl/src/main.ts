// The simulated 3PL as its own process:
//   node --import tsx apps/sim-3pl/src/main.ts --port 0 --handla <url> --connector <id> --secret <whsec_…>
//     [--seed 1] [--faults '{"serverError":0.1,"duplicate":0.2}'] [--stock '{"SKU-1":2}'] [--default-stock 0]
//     [--work-delay-ms 20] [--when-short wait|cancel] [--batch-size 1] [--slow-answer-ms 11000] …
// Prints one JSON line when listening: {"port":…,"controlPort":…,"url":…,"controlUrl":…}; SIGTERM stops it.
import { parseArgs } from 'node:util';
import { startSim3pl } from './index';
import { invalidFaultField, type SimOptions } from './options';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string' },
    handla: { type: 'string' },
    connector: { type: 'string' },
    secret: { type: 'string' },
    seed: { type: 'string' },
    faults: { type: 'string' },
    stock: { type: 'string' },
    'default-stock': { type: 'string' },
    'work-delay-ms': { type: 'string' },
    'auto-work': { type: 'string' },
    'when-short': { type: 'string' },
    'delivery-deviation': { type: 'string' },
    'auto-receive-deliveries': { type: 'boolean' },
    'batch-size': { type: 'string' },
    concurrency: { type: 'string' },
    'send-timeout-ms': { type: 'string' },
    'slow-answer-ms': { type: 'string' },
    'retry-ms': { type: 'string' },
    'retry-cap-ms': { type: 'string' },
    'reorder-hold-ms': { type: 'string' },
  },
});

function fail(message: string): never {
  process.stderr.write(`sim-3pl: ${message}\n`);
  process.exit(64);
}

function int(name: keyof typeof values): number | undefined {
  const raw = values[name];
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) fail(`--${name} must be a whole number`);
  return value;
}

function json(name: 'faults' | 'stock'): Record<string, number> | undefined {
  if (values[name] === undefined) return undefined;
  try {
    return JSON.parse(values[name]) as Record<string, number>;
  } catch {
    fail(`--${name} must be a JSON object`);
  }
}

const faults = json('faults');
const badFault = faults ? invalidFaultField(faults) : null;
if (badFault) fail(`--faults: ${badFault} is not a known fault with a rate between 0 and 1`);
const whenShort = values['when-short'];
if (whenShort !== undefined && whenShort !== 'wait' && whenShort !== 'cancel')
  fail('--when-short is wait or cancel');

const options: SimOptions = {
  port: int('port'),
  host: values.host,
  handlaUrl: values.handla,
  connectorId: values.connector,
  secret: values.secret,
  seed: int('seed'),
  faults,
  stock: json('stock'),
  defaultStock: int('default-stock'),
  workDelayMs: int('work-delay-ms'),
  autoWork: values['auto-work'] === undefined ? undefined : values['auto-work'] !== 'false',
  whenShort,
  deliveryDeviation: int('delivery-deviation'),
  autoReceiveDeliveries: values['auto-receive-deliveries'],
  batchSize: int('batch-size'),
  concurrency: int('concurrency'),
  sendTimeoutMs: int('send-timeout-ms'),
  slowAnswerMs: int('slow-answer-ms'),
  retryMs: int('retry-ms'),
  retryCapMs: int('retry-cap-ms'),
  reorderHoldMs: int('reorder-hold-ms'),
};

const sim = await startSim3pl(options);
process.stdout.write(
  `${JSON.stringify({ port: sim.port, controlPort: sim.controlPort, url: sim.url, controlUrl: sim.controlUrl })}\n`,
);
const shutdown = () => {
  void sim.close().then(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
