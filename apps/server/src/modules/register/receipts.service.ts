// Reading receipts: search per register, one receipt with its printable document, the HTML receipt.
import type { ReceiptDetail, ReceiptQuery, ReceiptSummary } from '@handla/api';
import { buildReceiptDocument, type ComputedReceipt, DomainError, renderReceiptHtml } from '@handla/core';
import type { Queryable } from '@handla/db';
import QRCode from 'qrcode';
import type { AppContext } from '../../context';
import { listStoreRows } from '../stores/stores.store';
import { findRegister } from './devices.store';
import * as store from './receipts.store';
import { findCompany } from './setup.lookups';

function toSummary(row: store.ReceiptRow): ReceiptSummary {
  return {
    id: row.id,
    registerId: row.registerId,
    storeId: row.storeId,
    number: row.number,
    kind: row.kind,
    isTraining: row.isTraining,
    cashierId: row.cashierId,
    cashierName: row.cashierName,
    customerId: row.customerId,
    total: { amount: row.totalInclVat, currency: row.currency },
    vatAmount: { amount: row.vatAmount, currency: row.currency },
    controlCode: row.controlCode,
    controlUnitSerial: row.controlUnitSerial,
    originalReceiptId: row.originalReceiptId,
    journalSequence: row.journalSequence,
    copies: row.copies,
    occurredAt: new Date(row.occurredAt).toISOString(),
  };
}

/** A register's receipts matching the query, newest first. */
export async function searchRegisterReceipts(
  ctx: AppContext,
  registerId: string,
  query: ReceiptQuery,
): Promise<{ items: ReceiptSummary[] }> {
  const rows = await store.searchReceipts(ctx.db, { registerId, ...query });
  return { items: rows.map(toSummary) };
}

/** The receipt, or 404. */
export async function requireReceipt(q: Queryable, id: string): Promise<store.ReceiptRow> {
  const row = await store.findReceipt(q, id);
  if (!row)
    throw new DomainError('not_found', `No receipt ${id}.`, [{ field: 'id', message: 'Unknown receipt' }]);
  return row;
}

/** How a receipt is shown: the original, or a numbered copy; on screen/e-mail or on paper. */
export interface ReceiptView {
  copy?: { controlCode: string; controlUnitSerial: string; occurredAt: Date };
  isElectronic: boolean;
}

/** The printer-neutral document of a stored receipt (core `buildReceiptDocument`). */
export async function receiptDocumentOf(q: Queryable, row: store.ReceiptRow, view: ReceiptView) {
  const register = (await findRegister(q, row.registerId))!;
  const shop = (await listStoreRows(q)).find((s) => s.id === row.storeId)!;
  const company = await findCompany(q, register.companyId);
  const original = row.originalReceiptId ? await store.findReceipt(q, row.originalReceiptId) : undefined;
  return buildReceiptDocument(row.computed as ComputedReceipt, {
    company: { name: company.name, organisationNumber: company.orgNumber.replace('-', '') },
    store: { name: shop.name, addressLines: [shop.street, `${shop.postalCode} ${shop.city}`] },
    registerId: register.code,
    receiptId: row.id,
    receiptNumber: row.number,
    issuedAt: (view.copy?.occurredAt ?? new Date(row.occurredAt)).toISOString(),
    timeZone: shop.timeZone,
    salesperson: row.cashierName,
    controlUnit: view.copy
      ? { controlCode: view.copy.controlCode, serialNumber: view.copy.controlUnitSerial }
      : { controlCode: row.controlCode, serialNumber: row.controlUnitSerial },
    printAs: view.copy ? 'copy' : undefined,
    isElectronic: view.isElectronic,
    originalReceiptNumber: original?.number,
  });
}

/** One receipt with its lines, payments and on-screen document. */
export async function getReceiptDetail(ctx: AppContext, row: store.ReceiptRow): Promise<ReceiptDetail> {
  return {
    ...toSummary(row),
    lines: await store.listReceiptLines(ctx.db, row.id),
    payments: await store.listReceiptPayments(ctx.db, row.id),
    computed: row.computed,
    document: await receiptDocumentOf(ctx.db, row, { isElectronic: true }),
    priceDeviations: (row.priceDeviations ?? []) as ReceiptDetail['priceDeviations'],
  };
}

/** The receipt as a standalone HTML page ("elektroniskt kassakvitto"). */
export async function renderReceiptPage(ctx: AppContext, row: store.ReceiptRow): Promise<string> {
  const document = await receiptDocumentOf(ctx.db, row, { isElectronic: true });
  // The renderer wants the QR as SVG synchronously; the QR library makes it asynchronously.
  const svgs = new Map<string, string>();
  for (const block of document.blocks) {
    if (block.type === 'qr')
      svgs.set(block.data, await QRCode.toString(block.data, { type: 'svg', margin: 1 }));
  }
  return renderReceiptHtml(document, { isStandalone: true, renderQr: (data) => svgs.get(data) ?? '' });
}
