// What every screen of a paired, signed-in register shares: the database, the device, the cached
// setup, the cashier, training mode and the connection.
import type { RegisterCashier } from '@handla/api';
import { createContext, useContext } from 'react';
import type { DeviceApi } from './device-api';
import type { DeviceRecord, PosDb, SetupSnapshot } from './offline/db';

export interface RegisterContextValue {
  db: PosDb;
  device: DeviceRecord;
  api: DeviceApi;
  setup: SetupSnapshot;
  cashier: RegisterCashier;
  isTraining: boolean;
  isOnline: boolean;
  /** Sends the queue now (after a sale, on reconnect); resolves when the run ends. */
  syncNow: () => Promise<void>;
}

export const RegisterContext = createContext<RegisterContextValue | null>(null);

export function useRegister(): RegisterContextValue {
  const value = useContext(RegisterContext);
  if (!value) throw new Error('useRegister needs a signed-in register above it');
  return value;
}
