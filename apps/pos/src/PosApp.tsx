// The register's start-up: open the local database, pair the device once, fetch (or use the
// cached) setup, sign a cashier in, then sell. Everything after pairing works offline.
import type { RegisterCashier } from '@handla/api';
import { ApiError } from '@handla/api';
import { AppHeader, ErrorNotice, useT } from '@handla/ui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { type DeviceApi, deviceApi } from './device-api';
import {
  type DeviceRecord,
  forgetDevice,
  openPosDb,
  type PosDb,
  readDevice,
  readSnapshot,
  type SetupSnapshot,
  saveDevice,
  saveSetup,
} from './offline/db';
import { SyncStatus } from './offline/SyncStatus';
import { useSync } from './offline/useSync';
import { RegisterScreen } from './RegisterScreen';
import { RegisterContext, type RegisterContextValue } from './register-context';
import { CashierSignIn } from './setup/CashierSignIn';
import { PairingScreen } from './setup/PairingScreen';
import { useIdleLock } from './setup/useIdleLock';
import { useOnline } from './useOnline';

const SETUP_REFRESH_MS = 10 * 60_000;

async function refreshSetup(db: PosDb, api: DeviceApi): Promise<SetupSnapshot | undefined> {
  await saveSetup(db, await api.setup(), new Date().toISOString());
  return readSnapshot(db);
}

export function PosApp() {
  const t = useT();
  const title = t('pos.title');
  const isOnline = useOnline();
  const [db, setDb] = useState<PosDb | null>(null);
  const [device, setDevice] = useState<DeviceRecord | null | undefined>(undefined);
  const [setup, setSetup] = useState<SetupSnapshot | null | undefined>(undefined);
  const [setupError, setSetupError] = useState<unknown>(null);

  useEffect(() => {
    document.title = `${title} – Handla`;
  }, [title]);

  useEffect(() => {
    void openPosDb().then(async (opened) => {
      setDb(opened);
      setDevice((await readDevice(opened)) ?? null);
      setSetup((await readSnapshot(opened)) ?? null);
    });
  }, []);

  const api = useMemo(() => (device ? deviceApi(device.registerId, device.deviceToken) : null), [device]);

  // Fresh prices and cashiers whenever the register is online; the cached copy otherwise.
  useEffect(() => {
    if (!db || !api || !isOnline) return;
    const load = () =>
      refreshSetup(db, api)
        .then((fresh) => {
          setSetup(fresh ?? null);
          setSetupError(null);
        })
        .catch(setSetupError);
    void load();
    const timer = window.setInterval(load, SETUP_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [db, api, isOnline]);

  const onPaired = useCallback(
    async (paired: DeviceRecord) => {
      if (!db) return;
      await saveDevice(db, paired);
      setDevice(paired);
    },
    [db],
  );

  // A revoked pairing (the register was paired again elsewhere) needs a manager's new code.
  const isRevoked = setupError instanceof ApiError && setupError.problem.code === 'device_not_paired';
  const unpair = useCallback(async () => {
    if (!db) return;
    await forgetDevice(db);
    setDevice(null);
    setSetupError(null);
  }, [db]);

  let body: React.ReactNode;
  if (!db || device === undefined || setup === undefined) {
    body = <p role="status">{t('common.loading')}</p>;
  } else if (!device || !api) {
    body = <PairingScreen onPaired={onPaired} />;
  } else if (isRevoked) {
    body = (
      <div className="notice notice-error stack" role="alert">
        <p>{t('pos.setup.revoked')}</p>
        <button type="button" className="button" onClick={() => void unpair()}>
          {t('pos.setup.unpair')}
        </button>
      </div>
    );
  } else if (!setup) {
    body =
      setupError !== null ? (
        <div className="stack">
          <p>{t('pos.setup.failed')}</p>
          <ErrorNotice
            error={setupError}
            onRetry={() => void refreshSetup(db, api).then((s) => setSetup(s ?? null), setSetupError)}
          />
        </div>
      ) : (
        <p role="status">{t('pos.setup.loading')}</p>
      );
  } else {
    body = <SignedInRegister db={db} device={device} api={api} setup={setup} isOnline={isOnline} />;
  }

  return (
    <>
      <AppHeader title={setup ? `${title} · ${setup.store.name} · ${setup.register.name}` : title} />
      <main className="page">{body}</main>
    </>
  );
}

function SignedInRegister({
  db,
  device,
  api,
  setup,
  isOnline,
}: {
  db: PosDb;
  device: DeviceRecord;
  api: DeviceApi;
  setup: SetupSnapshot;
  isOnline: boolean;
}) {
  const t = useT();
  const [cashier, setCashier] = useState<RegisterCashier | null>(null);
  const [isTraining, setTraining] = useState(false);
  const sync = useSync(db, api, isOnline);
  const lock = useCallback(() => {
    setCashier(null);
    setTraining(false);
  }, []);
  useIdleLock(setup.settings.idleLockMinutes, lock, cashier !== null);

  const value: RegisterContextValue | null = useMemo(
    () => (cashier ? { db, device, api, setup, cashier, isTraining, isOnline, syncNow: sync.syncNow } : null),
    [db, device, api, setup, cashier, isTraining, isOnline, sync.syncNow],
  );

  return (
    <div className="register">
      <SyncStatus
        isOnline={isOnline}
        pending={sync.pending}
        progress={sync.progress}
        onRetry={() => void sync.retryRejected()}
      />
      {!value ? (
        <CashierSignIn
          db={db}
          registerName={`${setup.store.name} · ${setup.register.name}`}
          onSignedIn={setCashier}
        />
      ) : (
        <RegisterContext.Provider value={value}>
          <div className="register-bar">
            <span>{t('pos.header.cashier', { name: value.cashier.name })}</span>
            {setup.settings.isTrainingAllowed && (
              <label className="training-toggle">
                <input type="checkbox" checked={isTraining} onChange={(e) => setTraining(e.target.checked)} />
                {t('pos.header.training')}
              </label>
            )}
            <button type="button" className="button button-quiet" onClick={lock}>
              {t('pos.header.lock')}
            </button>
          </div>
          {isTraining && (
            <p className="training-banner" role="status">
              {t('pos.header.trainingOn')}
            </p>
          )}
          <RegisterScreen />
        </RegisterContext.Provider>
      )}
    </div>
  );
}
