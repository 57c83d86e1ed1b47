// The on-screen receipt: the core's document (every item the law asks for) as HTML, marked
// "elektroniskt kassakvitto" because it is shown, not printed.
import type { RegisterCashier } from '@handla/api';
import {
  buildReceiptDocument,
  type ComputedReceipt,
  type ControlUnitResponse,
  renderReceiptHtml,
} from '@handla/core';
import type { SetupSnapshot } from '../offline/db';
import { qrSvg } from './qr-svg';

export interface ReceiptMeta {
  receiptId: string;
  receiptNumber: number;
  at: string;
  controlCode: string;
  serialNumber: string;
  printAs?: 'copy' | 'pro_forma';
  originalReceiptNumber?: number;
}

export function receiptHtml(
  setup: SetupSnapshot,
  cashier: Pick<RegisterCashier, 'name'>,
  receipt: ComputedReceipt,
  meta: ReceiptMeta,
): string {
  const controlUnit: ControlUnitResponse = { controlCode: meta.controlCode, serialNumber: meta.serialNumber };
  const { store } = setup;
  const document = buildReceiptDocument(receipt, {
    company: { name: setup.company.name, organisationNumber: setup.company.orgNumber.replace(/\D/g, '') },
    store: { name: store.name, addressLines: [store.street, `${store.postalCode} ${store.city}`] },
    registerId: setup.register.code,
    receiptId: meta.receiptId,
    receiptNumber: meta.receiptNumber,
    issuedAt: meta.at,
    timeZone: setup.company.timeZone,
    salesperson: cashier.name,
    controlUnit,
    isElectronic: true,
    ...(meta.printAs ? { printAs: meta.printAs } : {}),
    ...(meta.originalReceiptNumber !== undefined
      ? { originalReceiptNumber: meta.originalReceiptNumber }
      : {}),
  });
  return renderReceiptHtml(document, { renderQr: qrSvg });
}
