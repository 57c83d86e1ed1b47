// Cashier sign-in at a paired register: staff number, then PIN, checked on the device against the
// cached verifier so it works offline. Five wrong PINs lock the keypad for five minutes.
import type { RegisterCashier } from '@handla/api';
import { useT } from '@handla/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { getCashier, type PosDb } from '../offline/db';
import { Keypad } from './Keypad';
import { verifyPinOffline } from './pin';

const MAX_ATTEMPTS = 5;
const LOCKOUT_MS = 5 * 60_000;

export function CashierSignIn({
  db,
  registerName,
  onSignedIn,
}: {
  db: PosDb;
  registerName: string;
  onSignedIn: (cashier: RegisterCashier) => void;
}) {
  const t = useT();
  const [step, setStep] = useState<'number' | 'pin'>('number');
  const [staffNumber, setStaffNumber] = useState('');
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const failures = useRef<number[]>([]);
  const pinRef = useRef<HTMLInputElement>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  useEffect(() => (step === 'number' ? numberRef : pinRef).current?.focus(), [step]);

  const value = step === 'number' ? staffNumber : pin;
  const setValue = step === 'number' ? setStaffNumber : setPin;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setMessage(null);
    if (step === 'number') {
      if (!/^\d{1,10}$/.test(staffNumber)) return setMessage(t('pos.signIn.numberRequired'));
      setStep('pin');
      return;
    }
    const now = Date.now();
    failures.current = failures.current.filter((at) => now - at < LOCKOUT_MS);
    if (failures.current.length >= MAX_ATTEMPTS) return setMessage(t('pos.signIn.locked'));
    setBusy(true);
    try {
      const cashier = await getCashier(db, staffNumber);
      // An unknown number gets the same words as a wrong PIN, so the keypad reveals no staff numbers.
      const isValid = cashier ? await verifyPinOffline(pin, cashier.pinHash) : false;
      if (!cashier || !isValid) {
        failures.current.push(now);
        setPin('');
        setMessage(t('pos.signIn.wrong'));
        return;
      }
      failures.current = [];
      onSignedIn(cashier);
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    setStep('number');
    setPin('');
    setMessage(null);
  }

  return (
    <section className="card stack sign-in" aria-labelledby="cashier-sign-in-heading">
      <h2 id="cashier-sign-in-heading">{t('pos.signIn.heading')}</h2>
      <p className="muted">{registerName}</p>
      <form onSubmit={submit} className="stack">
        {step === 'number' ? (
          <label className="field">
            <span>{t('pos.signIn.staffNumber')}</span>
            <input
              ref={numberRef}
              inputMode="numeric"
              autoComplete="off"
              value={staffNumber}
              onChange={(e) => setStaffNumber(e.target.value.replace(/\D/g, ''))}
            />
          </label>
        ) : (
          <label className="field">
            <span>{t('pos.signIn.pin')}</span>
            <input
              ref={pinRef}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            />
          </label>
        )}
        {message && (
          <p className="notice notice-error" role="alert">
            {message}
          </p>
        )}
        <Keypad
          onDigit={(digit) => setValue(value + digit)}
          onBackspace={() => setValue(value.slice(0, -1))}
          onEnter={() => void submit()}
          enterLabel={step === 'number' ? t('pos.signIn.next') : t('pos.signIn.submit')}
        />
        {step === 'pin' && (
          <button type="button" className="button" onClick={restart} disabled={busy}>
            {t('pos.signIn.otherNumber')}
          </button>
        )}
      </form>
    </section>
  );
}
