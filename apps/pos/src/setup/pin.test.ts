import { describe, expect, it } from 'vitest';
import { hashPin } from '../../../server/src/modules/register/pin';
import { verifyPinOffline } from './pin';

describe('checking a PIN offline', () => {
  it('accepts the PIN the server hashed and refuses another', async () => {
    const stored = await hashPin('1234');
    expect(await verifyPinOffline('1234', stored)).toBe(true);
    expect(await verifyPinOffline('1235', stored)).toBe(false);
  });

  it('refuses a verifier it cannot read', async () => {
    expect(await verifyPinOffline('1234', 'scrypt$1$a$b')).toBe(false);
    expect(await verifyPinOffline('1234', 'pbkdf2-sha256$x$a$b')).toBe(false);
    expect(await verifyPinOffline('1234', '')).toBe(false);
  });
});
