// First start on a new device: a manager types the pairing code from the back office; the device
// makes its signing key, sends the public half and keeps the device token.
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { pairDevice } from '../device-api';
import type { DeviceRecord } from '../offline/db';
import { generateDeviceKeys } from './device-keys';

export function PairingScreen({ onPaired }: { onPaired: (device: DeviceRecord) => Promise<void> }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => codeRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const keys = await generateDeviceKeys();
      const { kty, crv, x, y } = keys.publicKey;
      const paired = await pairDevice({
        code: code.trim(),
        publicKey: { kty: 'EC', crv: 'P-256', x: x ?? '', y: y ?? '' },
        name: navigator.userAgent.slice(0, 100),
      });
      if (kty !== 'EC' || crv !== 'P-256') throw new Error('unexpected key type');
      await onPaired({
        ...paired,
        privateKey: keys.privateKey,
        publicKey: keys.publicKey,
        pairedAt: new Date().toISOString(),
      });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card stack sign-in" aria-labelledby="pairing-heading">
      <h2 id="pairing-heading">{t('pos.pair.heading')}</h2>
      <p>{t('pos.pair.intro')}</p>
      <form onSubmit={submit} className="stack">
        <label className="field">
          <span>{t('pos.pair.code')}</span>
          <input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            ref={codeRef}
            required
          />
        </label>
        {error !== null && <ErrorNotice error={error} />}
        <button
          type="submit"
          className="button button-primary button-large"
          disabled={busy || code.trim().length < 4}
        >
          {busy ? t('pos.pair.pairing') : t('pos.pair.submit')}
        </button>
      </form>
    </section>
  );
}
