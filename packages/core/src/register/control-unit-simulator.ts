// A built-in control unit for demos, training, offline use and tests; it runs in the browser and in
// Node (Web Crypto). Like a real unit it must be registered, checks every field, and answers with
// its serial number and a control code: HMAC-SHA-256 of the request under its secret, in base32.
import { DomainError } from '../errors';
import { canonicalJson } from './canonical-json';
import { assertControlUnitRegistration, assertControlUnitRequest } from './control-unit';
import type { ControlUnit, ControlUnitRegistration, ControlUnitRequest, ControlUnitResponse } from './types';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const encoder = new TextEncoder();

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** A simulated unit; `isAnswering = false` makes it behave like a unit that does not answer. */
export interface ControlUnitSimulator extends ControlUnit {
  readonly serialNumber: string;
  isAnswering: boolean;
}

export interface ControlUnitSimulatorOptions {
  /** The key of the control codes; the same secret gives the same codes. */
  secret: string;
  serialNumber?: string;
  /** Registrations the unit already holds (a real unit keeps them across restarts). */
  registrations?: readonly ControlUnitRegistration[];
}

/** The simulator's control code for a request (32 base32 characters = 160 bits of the HMAC). */
export async function simulatedControlCode(secret: string, request: ControlUnitRequest): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await subtle.sign('HMAC', key, encoder.encode(canonicalJson(request)));
  return base32(new Uint8Array(mac).slice(0, 20));
}

/** Creates a simulator; its serial number defaults to one derived from the secret. */
export async function createControlUnitSimulator(
  options: ControlUnitSimulatorOptions,
): Promise<ControlUnitSimulator> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(`serial:${options.secret}`));
  const serialNumber =
    options.serialNumber ?? `SIM${base32(new Uint8Array(digest).slice(0, 8)).slice(0, 13)}`;
  const registered = new Set(
    (options.registrations ?? []).map((r) => `${r.organisationNumber}/${r.registerId}`),
  );
  const simulator: ControlUnitSimulator = {
    serialNumber,
    isAnswering: true,
    async register(registration) {
      if (!simulator.isAnswering)
        throw new DomainError('control_unit_unavailable', 'The control unit did not answer');
      assertControlUnitRegistration(registration);
      registered.add(`${registration.organisationNumber}/${registration.registerId}`);
    },
    async requestControlCode(request): Promise<ControlUnitResponse> {
      if (!simulator.isAnswering)
        throw new DomainError('control_unit_unavailable', 'The control unit did not answer');
      assertControlUnitRequest(request);
      if (!registered.has(`${request.organisationNumber}/${request.registerId}`)) {
        throw new DomainError('validation_failed', 'The register is not registered with this control unit', [
          { field: 'registerId', message: 'Register the register with the control unit first' },
        ]);
      }
      return { controlCode: await simulatedControlCode(options.secret, request), serialNumber };
    },
  };
  return simulator;
}
