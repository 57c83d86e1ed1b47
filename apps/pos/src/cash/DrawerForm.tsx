// Opening the drawer without a sale: always with a reason, journaled and queued like a sale. A
// cashier needs a manager's number and PIN (checked here offline, and again by the server).
import { ErrorNotice, useT } from '@handla/ui';
import { type FormEvent, useState } from 'react';
import { useDrawerKick } from '../extras/useDrawerKick';
import { getCashier } from '../offline/db';
import { useRegister } from '../register-context';
import { verifyPinOffline } from '../setup/pin';
import { mayOpenDrawerAlone, recordDrawerOpening } from './journal-command';
import { useCashContext } from './use-cash';

export function DrawerForm() {
  const t = useT();
  const { db, cashier } = useRegister();
  const cash = useCashContext();
  const kickDrawer = useDrawerKick();
  const [reason, setReason] = useState('');
  const [managerNumber, setManagerNumber] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const [approval, setApproval] = useState<{ staffNumber: string; pin: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const needsApproval = !mayOpenDrawerAlone(cashier) && approval === null;

  async function approve(event: FormEvent) {
    event.preventDefault();
    const manager = await getCashier(db, managerNumber.trim());
    const isValid =
      manager && manager.role !== 'cashier' ? await verifyPinOffline(managerPin, manager.pinHash) : false;
    if (!isValid) {
      setManagerPin('');
      return setMessage(t('pos.cash.drawer.managerWrong'));
    }
    setMessage(null);
    setApproval({ staffNumber: managerNumber.trim(), pin: managerPin });
    setManagerPin('');
  }

  async function open(event: FormEvent) {
    event.preventDefault();
    setStatus(null);
    setError(null);
    if (!reason.trim()) return setMessage(t('pos.cash.drawer.reasonRequired'));
    if (needsApproval) return setMessage(t('pos.cash.drawer.managerNeeded'));
    try {
      const command = await recordDrawerOpening(cash, reason.trim(), approval ?? undefined);
      setMessage(null);
      setReason('');
      setApproval(null);
      setStatus(t('pos.cash.drawer.opened'));
      // Syncs first: the server opens the drawer only for an opening it has applied.
      void kickDrawer(command.commandId).then((said) => setStatus(`${t('pos.cash.drawer.opened')} ${said}`));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card stack" aria-labelledby="drawer-heading">
      <h2 id="drawer-heading">{t('pos.cash.drawer.heading')}</h2>
      {message && (
        <p className="notice notice-warning" role="alert">
          {message}
        </p>
      )}
      {needsApproval && (
        <form onSubmit={approve} className="stack">
          <p>{t('pos.cash.drawer.managerNeeded')}</p>
          <label className="field">
            <span>{t('pos.cash.managerNumber')}</span>
            <input
              inputMode="numeric"
              value={managerNumber}
              onChange={(e) => setManagerNumber(e.target.value)}
            />
          </label>
          <label className="field">
            <span>{t('pos.cash.managerPin')}</span>
            <input
              type="password"
              inputMode="numeric"
              value={managerPin}
              onChange={(e) => setManagerPin(e.target.value)}
            />
          </label>
          <button type="submit" className="button">
            {t('pos.cash.approve')}
          </button>
        </form>
      )}
      <form onSubmit={open} className="stack">
        <label className="field">
          <span>{t('pos.cash.drawer.reason')}</span>
          <input value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="button button-primary" disabled={needsApproval}>
          {t('pos.cash.drawer.open')}
        </button>
      </form>
      {status && <p role="status">{status}</p>}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
