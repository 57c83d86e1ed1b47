// What a simulated 3PL can be told at start (and, for faults and stock, changed later through the
// control API): where Handla is, how it works orders, and how often it misbehaves.

/** Probabilities (0–1) of each fault, decided by the seeded random generator. */
export interface FaultRates {
  /** Handla → 3PL: answer 503 without taking the message (Handla retries). */
  serverError: number;
  /** Handla → 3PL: take the message but answer only after `slowAnswerMs` (Handla gave up: it retries). */
  slowAnswer: number;
  /** Handla → 3PL: take the message and never answer (the caller's timeout ends it). */
  noAnswer: number;
  /** 3PL → Handla: send a message Handla acknowledged once more, a moment later. */
  duplicate: number;
  /** 3PL → Handla: hold a message back until the order's next one has gone (sequence 3 before 2). */
  reorder: number;
  /** 3PL → Handla: give up on a POST within 30 ms, before the answer (our timeout), and send it again. */
  abandon: number;
}

export interface SimOptions {
  /** 0 (default) takes a free port. */
  port?: number;
  host?: string;
  /** Handla's base URL, e.g. http://127.0.0.1:3000; messages go to `/api/connectors/{id}/messages`. */
  handlaUrl?: string;
  connectorId?: string;
  /** The connector's Standard Webhooks secret ("whsec_…"): verifies what Handla sends, signs what we send. */
  secret?: string;
  /** Seeds the fault decisions (default 1). */
  seed?: number;
  faults?: Partial<FaultRates>;
  /** How late a slow answer comes; longer than Handla's send timeout (10 s) by default. */
  slowAnswerMs?: number;
  /** Units on hand per SKU code. */
  stock?: Record<string, number>;
  /** Units of a SKU the 3PL has never been told about (default 0). */
  defaultStock?: number;
  /** Pause between the steps of working an order: received → picking → shipped (default 20 ms). */
  workDelayMs?: number;
  /** false: orders wait after `order.received` until `POST /_control/work` (default true). */
  autoWork?: boolean;
  /** What to do when stock is short: ship what there is and wait for more (default), or cancel the rest. */
  whenShort?: 'wait' | 'cancel';
  /** Units added to the first line of each expected delivery when it is received (negative: under). */
  deliveryDeviation?: number;
  /** Receive expected deliveries by themselves after `workDelayMs` (default false: on command). */
  autoReceiveDeliveries?: boolean;
  /** Messages per POST to Handla (default 1; up to 1000). */
  batchSize?: number;
  /** POSTs to Handla in flight at once (default 4). */
  concurrency?: number;
  /** Our own timeout for a POST to Handla (default 5000 ms); then we retry. */
  sendTimeoutMs?: number;
  /** First wait before a retry, doubling up to `retryCapMs` (defaults 100 ms and 2000 ms). */
  retryMs?: number;
  retryCapMs?: number;
  /** Longest a reordered message is held back when its order sends nothing more (default 1000 ms). */
  reorderHoldMs?: number;
}

export type ResolvedOptions = Required<
  Omit<SimOptions, 'handlaUrl' | 'connectorId' | 'secret' | 'faults'>
> & {
  handlaUrl: string | null;
  connectorId: string | null;
  secret: string | null;
  faults: FaultRates;
};

export const NO_FAULTS: FaultRates = {
  serverError: 0,
  slowAnswer: 0,
  noAnswer: 0,
  duplicate: 0,
  reorder: 0,
  abandon: 0,
};

/** `options` with every default filled in. */
export function resolveOptions(options: SimOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    handlaUrl: options.handlaUrl?.replace(/\/+$/, '') ?? null,
    connectorId: options.connectorId ?? null,
    secret: options.secret ?? null,
    seed: options.seed ?? 1,
    faults: { ...NO_FAULTS, ...options.faults },
    slowAnswerMs: options.slowAnswerMs ?? 11_000,
    stock: { ...options.stock },
    defaultStock: options.defaultStock ?? 0,
    workDelayMs: options.workDelayMs ?? 20,
    autoWork: options.autoWork ?? true,
    whenShort: options.whenShort ?? 'wait',
    deliveryDeviation: options.deliveryDeviation ?? 0,
    autoReceiveDeliveries: options.autoReceiveDeliveries ?? false,
    batchSize: Math.min(Math.max(options.batchSize ?? 1, 1), 1000),
    concurrency: Math.max(options.concurrency ?? 4, 1),
    sendTimeoutMs: options.sendTimeoutMs ?? 5000,
    retryMs: options.retryMs ?? 100,
    retryCapMs: options.retryCapMs ?? 2000,
    reorderHoldMs: options.reorderHoldMs ?? 1000,
  };
}

/** Checks fault rates from outside (CLI, control API): each a number in [0, 1]; returns the bad field or null. */
export function invalidFaultField(faults: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(faults)) {
    if (!(name in NO_FAULTS)) return name;
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return name;
  }
  return null;
}
