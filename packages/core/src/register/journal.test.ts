import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import {
  appendEntry,
  exportPublicKeyJwk,
  generateDeviceKeyPair,
  type JournalSigner,
  signerFromPrivateKey,
  verifyJournal,
} from './journal';
import type { JournalEntry, JournalEntryInput } from './types';

let keys: CryptoKeyPair;
let signer: JournalSigner;
let journal: JournalEntry[];

const input = (n: number, over: Partial<JournalEntryInput> = {}): JournalEntryInput => ({
  registerId: 'reg_1',
  kind: 'receipt',
  at: `2026-11-23T10:0${n}:00.000Z`,
  payload: { receiptNumber: n, total: n * 1000, lines: [{ name: 'Kaffe', amount: 4995 }] },
  ...over,
});

beforeAll(async () => {
  keys = await generateDeviceKeyPair();
  signer = signerFromPrivateKey(keys.privateKey);
  journal = [];
  for (let n = 1; n <= 5; n++) journal.push(await appendEntry(journal.at(-1), input(n), signer));
});

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 'å' }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":"å","z":1}]},"b":1}',
    );
  });
  it('refuses values that are not JSON', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(expect.objectContaining({ code: 'invalid_json' }));
    expect(() => canonicalJson({ a: new Date(0) })).toThrow(
      expect.objectContaining({ code: 'invalid_json' }),
    );
  });
});

describe('the journal', () => {
  it('numbers from 1 without gaps and chains each entry to the one before', () => {
    expect(journal.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(journal[0]?.previousHash).toBe('');
    for (let i = 1; i < journal.length; i++) expect(journal[i]?.previousHash).toBe(journal[i - 1]?.hash);
    expect(journal[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies a whole journal, with a CryptoKey or the JWK sent at pairing, and after an anchor', async () => {
    expect(await verifyJournal(journal, keys.publicKey)).toEqual({ ok: true });
    const jwk = await exportPublicKeyJwk(keys.publicKey);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    // A JSON round trip is what the database does to an entry.
    expect(await verifyJournal(JSON.parse(JSON.stringify(journal)), jwk)).toEqual({ ok: true });
    const [third] = journal.slice(2, 3);
    expect(await verifyJournal(journal.slice(3), jwk, { sequence: 3, hash: third?.hash ?? '' })).toEqual({
      ok: true,
    });
  });

  it('catches one edited entry', async () => {
    const edited = journal.map((e) =>
      e.sequence === 3 ? { ...e, payload: { ...(e.payload as object), total: 1 } } : e,
    );
    expect(await verifyJournal(edited, keys.publicKey)).toEqual({
      ok: false,
      firstBrokenSequence: 3,
      reason: expect.stringContaining('hash_mismatch'),
    });
  });

  it('catches an edit whose hash was recomputed but not re-signed by the device', async () => {
    const other = signerFromPrivateKey((await generateDeviceKeyPair()).privateKey);
    const forged = await appendEntry(journal[1], { ...input(3), payload: { total: 1 } }, other);
    const tampered = journal.map((e) => (e.sequence === 3 ? forged : e));
    const result = await verifyJournal(tampered.slice(0, 3), keys.publicKey);
    expect(result).toMatchObject({
      ok: false,
      firstBrokenSequence: 3,
      reason: expect.stringContaining('bad_signature'),
    });
    // …and the entry after it no longer points at it.
    expect(await verifyJournal(tampered, keys.publicKey)).toMatchObject({
      ok: false,
      firstBrokenSequence: 3,
    });
  });

  it('catches a gap', async () => {
    const gap = journal.filter((e) => e.sequence !== 3);
    expect(await verifyJournal(gap, keys.publicKey)).toMatchObject({
      ok: false,
      firstBrokenSequence: 3,
      reason: expect.stringContaining('sequence_gap'),
    });
  });

  it('catches a reordered pair', async () => {
    const [a, b, c, d, e] = journal as [JournalEntry, JournalEntry, JournalEntry, JournalEntry, JournalEntry];
    expect(await verifyJournal([a, b, d, c, e], keys.publicKey)).toMatchObject({
      ok: false,
      firstBrokenSequence: 3,
    });
    // Swapping the sequence numbers too still breaks the chain of hashes.
    const swapped = [a, b, { ...d, sequence: 3 }, { ...c, sequence: 4 }, e];
    expect(await verifyJournal(swapped, keys.publicKey)).toMatchObject({
      ok: false,
      firstBrokenSequence: 3,
      reason: expect.stringContaining('previous_hash_mismatch'),
    });
  });

  it('catches a changed signature and a foreign register', async () => {
    const badSignature = journal.map((e) => (e.sequence === 2 ? { ...e, signature: 'AAAA' } : e));
    expect(await verifyJournal(badSignature, keys.publicKey)).toMatchObject({ firstBrokenSequence: 2 });
    await expect(
      appendEntry(journal.at(-1), input(6, { registerId: 'reg_2' }), signer),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('appendEntry input', () => {
  it('refuses an unknown kind and an instant that is not one, naming the fields', async () => {
    const bad = {
      registerId: 'reg_1',
      kind: 'sale',
      at: 'yesterday',
      payload: {},
    } as unknown as JournalEntryInput;
    await expect(
      appendEntry(null, bad, signerFromPrivateKey((await generateDeviceKeyPair()).privateKey)),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [expect.objectContaining({ field: 'kind' }), expect.objectContaining({ field: 'at' })],
    });
  });
});

describe('journal tampering, any entry and any field', () => {
  it('is caught at the entry that was changed', async () => {
    const tamperings = ['payload', 'at', 'kind', 'hash', 'previousHash', 'signature'] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...tamperings),
        async (sequence, field) => {
          const changed = journal.map((e) => {
            if (e.sequence !== sequence) return e;
            if (field === 'payload') return { ...e, payload: { ...(e.payload as object), total: -1 } };
            if (field === 'kind') return { ...e, kind: 'copy' as const };
            if (field === 'at') return { ...e, at: '2020-01-01T00:00:00.000Z' };
            // Flip the first character of a hex or base64url string.
            const value = e[field];
            return { ...e, [field]: (value[0] === 'a' ? 'b' : 'a') + value.slice(1) };
          });
          const result = await verifyJournal(changed, keys.publicKey);
          expect(result).toMatchObject({ ok: false, firstBrokenSequence: sequence });
        },
      ),
      { numRuns: 30 },
    );
  });
});
