// Opening the drawer after a journaled opening without a sale: once the server has applied the
// drawer.open command (it checks the permission), it sends the drawer pulse through the printer.
// Offline or without a printer the opening is still recorded, and the cashier uses the key.
import { useT } from '@handla/ui';
import { useCallback } from 'react';
import { useRegister } from '../register-context';
import { extrasApi } from './extras-api';

/** Returns a function that syncs, kicks the drawer for `commandId`, and says what happened. */
export function useDrawerKick(): (commandId: string) => Promise<string> {
  const t = useT();
  const { device, setup, isOnline, syncNow } = useRegister();
  return useCallback(
    async (commandId: string) => {
      await syncNow();
      if (!isOnline || !setup.settings.printerHost) return t('pos.extras.drawer.manual');
      try {
        await extrasApi(device.registerId, device.deviceToken).kickDrawer(commandId);
        return t('pos.extras.drawer.kicked');
      } catch {
        return t('pos.extras.drawer.manual');
      }
    },
    [t, device, setup.settings.printerHost, isOnline, syncNow],
  );
}
