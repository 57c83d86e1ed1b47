// The receipt signature chain of SAF-T Cash Register: each cash transaction signs
// "<previous signature or 0>;<transDate>;<transTime>;<nr>;<transAmntIn>;<transAmntEx>" with
// HMAC-SHA1 (allowed beside RSA-SHA1), base64. The key is per register and never leaves the
// server: derived from the server's SAF-T secret, the register id and the key version.

import { createHmac } from 'node:crypto';
import { DomainError } from '@handla/core';

/** Bump to rotate every register's key; <keyVersion> in the file says which one signed. */
export const SAFT_KEY_VERSION = 1;

/** The fields a signature covers, already formatted as in the file. */
export interface SignedFields {
  readonly transDate: string;
  readonly transTime: string;
  readonly nr: string;
  readonly transAmntIn: string;
  readonly transAmntEx: string;
}

/** The exact string that is signed. */
export function signatureInput(previousSignature: string | null, f: SignedFields): string {
  return [previousSignature ?? '0', f.transDate, f.transTime, f.nr, f.transAmntIn, f.transAmntEx].join(';');
}

/** The register's HMAC key for `keyVersion`. */
export function registerSigningKey(
  secret: string,
  registerId: string,
  keyVersion = SAFT_KEY_VERSION,
): Buffer {
  return createHmac('sha256', secret).update(`saft-cash-register:v${keyVersion}:${registerId}`).digest();
}

export function signTransaction(key: Buffer, previousSignature: string | null, f: SignedFields): string {
  return createHmac('sha1', key).update(signatureInput(previousSignature, f), 'utf8').digest('base64');
}

const DEVELOPMENT_SECRET = 'handla-development-saft-secret';

/**
 * The server's SAF-T secret from HANDLA_SAFT_SECRET. Outside production a fixed development secret
 * stands in (demo and tests); production refuses to sign without a real one.
 */
export function saftSecretFrom(configured: string | undefined, isProduction: boolean): string {
  if (configured) return configured;
  if (isProduction) {
    throw new DomainError('service_unavailable', 'HANDLA_SAFT_SECRET must be set to sign SAF-T exports.');
  }
  return DEVELOPMENT_SECRET;
}
