// What every fake provider keeps in memory: the answer given per idempotency key (a repeat gets
// the first answer, as the real APIs promise) and a log of the calls that reached it (tests count them).
import { randomBytes } from 'node:crypto';

export interface ProviderCallLog {
  kind: 'authorize' | 'complete' | 'capture' | 'refund' | 'release';
  idempotencyKey: string;
  amount?: number;
  /** False when the key was seen before and the first answer was returned. */
  isFirst: boolean;
}

export class FakeProviderMemory {
  readonly calls: ProviderCallLog[] = [];
  private readonly answers = new Map<string, unknown>();

  /** Runs `work` once per key; repeats get the first answer. */
  async once<T>(entry: Omit<ProviderCallLog, 'isFirst'>, work: () => Promise<T> | T): Promise<T> {
    const key = `${entry.kind}:${entry.idempotencyKey}`;
    const isFirst = !this.answers.has(key);
    this.calls.push({ ...entry, isFirst });
    if (!isFirst) return this.answers.get(key) as T;
    const answer = await work();
    this.answers.set(key, answer);
    return answer;
  }
}

/** A provider-made reference: random, like a PSP's (not from our id maker, which is not the PSP's). */
export function providerReference(prefix: string, bytes = 8): string {
  return `${prefix}${randomBytes(bytes).toString('hex').toUpperCase()}`;
}
