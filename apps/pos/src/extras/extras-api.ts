// The register's calls for gift cards, vouchers, pro-forma prints and the drawer, with its device token.
import type { GiftCard, PrintResult, Voucher } from '@handla/api';
import { call } from '../device-api';

const enc = encodeURIComponent;

export function extrasApi(registerId: string, token: string) {
  const base = `/api/registers/${enc(registerId)}`;
  return {
    /** GET /api/gift-cards/:code: the card and its balance (404 when unknown). */
    giftCard: (code: string) => call<GiftCard>('GET', `/api/gift-cards/${enc(code)}`, token),
    /** GET /api/vouchers/:code: the voucher's amount and status. */
    voucher: (code: string) => call<Voucher>('GET', `/api/vouchers/${enc(code)}`, token),
    /** POST …/pro-forma/:id/print: the journaled pro-forma on the register's printer. */
    printProForma: (proFormaId: string) =>
      call<PrintResult>('POST', `${base}/pro-forma/${enc(proFormaId)}/print`, token),
    /** POST …/drawer/kick: opens the drawer after the drawer.open command was applied. */
    kickDrawer: (commandId: string) => call<PrintResult>('POST', `${base}/drawer/kick`, token, { commandId }),
  };
}

export type ExtrasApi = ReturnType<typeof extrasApi>;
