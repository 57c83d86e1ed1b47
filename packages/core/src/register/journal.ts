// The register's journal: every receipt, report and drawer opening as one entry, numbered without
// gaps, chained by SHA-256 over the previous hash and the entry, and signed by the device's
// ECDSA P-256 key (the device signs offline; the server verifies with the key it got at pairing).
// Web Crypto only, so the same code runs in the browser and in Node 20.
import { DomainError } from '../errors';
import { canonicalJson } from './canonical-json';
import { JOURNAL_ENTRY_KINDS, type JournalEntry, type JournalEntryInput } from './types';

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const encoder = new TextEncoder();

/** Signs journal hashes on the device; the private key never leaves it. */
export interface JournalSigner {
  sign(data: Uint8Array): Promise<ArrayBuffer>;
}

/** The outcome of checking a journal: whole, or where the chain first breaks and why. */
export type JournalVerificationResult =
  | { ok: true }
  | { ok: false; firstBrokenSequence: number; reason: string };

/** Where a partial journal continues from: the last entry already verified (or nothing). */
export interface JournalAnchor {
  sequence: number;
  hash: string;
}

const subtle = () => globalThis.crypto.subtle;

function isJwk(key: CryptoKey | JsonWebKey): key is JsonWebKey {
  return 'kty' in key;
}

function toHex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A new device key pair; the private key is not extractable (it can still be kept in IndexedDB). */
export async function generateDeviceKeyPair(): Promise<CryptoKeyPair> {
  const pair = await subtle().generateKey(ECDSA, false, ['sign', 'verify']);
  return pair as CryptoKeyPair;
}

/** The public key as a JWK, the form sent at pairing. */
export async function exportPublicKeyJwk(publicKey: CryptoKey): Promise<JsonWebKey> {
  return subtle().exportKey('jwk', publicKey);
}

/** A public key from its JWK, for verifying. */
export async function importPublicKeyJwk(jwk: JsonWebKey): Promise<CryptoKey> {
  return subtle().importKey('jwk', jwk, ECDSA, true, ['verify']);
}

/** A signer over a device's private key. */
export function signerFromPrivateKey(privateKey: CryptoKey): JournalSigner {
  return { sign: (data) => subtle().sign(ECDSA_SHA256, privateKey, data as Uint8Array<ArrayBuffer>) };
}

/** SHA-256 (hex) of the previous hash followed by the entry's canonical JSON. */
export async function hashJournalEntry(
  previousHash: string,
  entry: JournalEntryInput & { sequence: number },
): Promise<string> {
  const body = canonicalJson({
    registerId: entry.registerId,
    sequence: entry.sequence,
    kind: entry.kind,
    at: entry.at,
    payload: entry.payload,
  });
  return toHex(await subtle().digest('SHA-256', encoder.encode(previousHash + body)));
}

/** Appends `input` after `previous` (or as entry 1): numbers, chains and signs it. */
export async function appendEntry(
  previous: Pick<JournalEntry, 'registerId' | 'sequence' | 'hash'> | null | undefined,
  input: JournalEntryInput,
  signer: JournalSigner,
): Promise<JournalEntry> {
  const problems: { field: string; message: string }[] = [];
  if (previous && previous.registerId !== input.registerId) {
    problems.push({ field: 'registerId', message: `Expected ${previous.registerId}` });
  } else if (typeof input.registerId !== 'string' || input.registerId === '') {
    problems.push({ field: 'registerId', message: 'Required' });
  }
  if (!JOURNAL_ENTRY_KINDS.includes(input.kind))
    problems.push({ field: 'kind', message: 'Unknown entry kind' });
  if (typeof input.at !== 'string' || Number.isNaN(Date.parse(input.at))) {
    problems.push({ field: 'at', message: 'Must be an ISO 8601 instant' });
  }
  if (problems.length > 0)
    throw new DomainError('validation_failed', 'The journal entry is invalid', problems);
  const sequence = (previous?.sequence ?? 0) + 1;
  const previousHash = previous?.hash ?? '';
  const hash = await hashJournalEntry(previousHash, { ...input, sequence });
  const signature = toBase64Url(await signer.sign(encoder.encode(hash)));
  return {
    registerId: input.registerId,
    sequence,
    kind: input.kind,
    at: input.at,
    payload: input.payload,
    previousHash,
    hash,
    signature,
  };
}

/**
 * Checks entries in the order given: gapless sequences from the anchor, each previous hash, each
 * hash against the content, each signature against the device's public key.
 */
export async function verifyJournal(
  entries: readonly JournalEntry[],
  publicKey: CryptoKey | JsonWebKey,
  anchor?: JournalAnchor,
): Promise<JournalVerificationResult> {
  const key = isJwk(publicKey) ? await importPublicKeyJwk(publicKey) : publicKey;
  let expectedSequence = (anchor?.sequence ?? 0) + 1;
  let expectedPreviousHash = anchor?.hash ?? '';
  const registerId = entries[0]?.registerId;
  for (const entry of entries) {
    const broken = (reason: string): JournalVerificationResult => ({
      ok: false,
      firstBrokenSequence: expectedSequence,
      reason,
    });
    if (entry.sequence !== expectedSequence) {
      return broken(`sequence_gap: expected entry ${expectedSequence}, found ${entry.sequence}`);
    }
    if (entry.registerId !== registerId)
      return broken('register_mismatch: the entry belongs to another register');
    if (entry.previousHash !== expectedPreviousHash) {
      return broken('previous_hash_mismatch: the entry does not point at the entry before it');
    }
    let hash: string;
    try {
      hash = await hashJournalEntry(entry.previousHash, entry);
    } catch {
      return broken('invalid_payload: the entry is not JSON');
    }
    if (hash !== entry.hash) return broken('hash_mismatch: the entry was changed after it was written');
    const signature = fromBase64Url(entry.signature);
    const isSigned =
      signature !== null && (await subtle().verify(ECDSA_SHA256, key, signature, encoder.encode(entry.hash)));
    if (!isSigned) return broken('bad_signature: the device key did not sign this entry');
    expectedSequence += 1;
    expectedPreviousHash = entry.hash;
  }
  return { ok: true };
}
