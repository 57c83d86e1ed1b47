// The pick ticket of a web order, printed on the register's receipt printer when the store accepts
// the order: what to fetch from which shelf, for whom and by when, with the pickup code as a QR
// code so the bag can be matched at the counter. Swedish, like everything printed in the store.
import type { Order } from '@handla/api';
import type { ReceiptBlock, ReceiptDocument } from '@handla/core';
import type { AppContext } from '../../../context';
import { timeWindow } from '../../notifications/templates/format';
import { findSettings } from '../devices.store';
import { encodeReceiptEscPos } from './escpos';
import { sendToPrinter } from './send-to-printer';

// Lines the shopper collects; removed, substituted-away and shipped lines are not fetched here.
const TO_FETCH = new Set<Order['lines'][number]['state']>(['open', 'picked']);

/** The ticket as a printer-neutral document (the code page has no en dash: plain hyphens). */
export function pickTicketDocument(order: Order): ReceiptDocument {
  const f = order.fulfilment;
  const when =
    f.kind === 'pickup'
      ? `${f.asap ? 'Snarast, ' : ''}${timeWindow(f.slotStartsAt, f.slotEndsAt, f.timeZone, 'sv')}`
      : 'Hemleverans';
  const blocks: ReceiptBlock[] = [
    { type: 'text', text: 'PLOCKLISTA', align: 'center', bold: true },
    { type: 'text', text: `Order ${order.number}`, align: 'center', bold: true, size: 2 },
    { type: 'text', text: order.customer.name, align: 'center', bold: true },
    { type: 'text', text: `Hämtas ${when.replaceAll('–', '-')}`, align: 'center' },
    { type: 'separator' },
  ];
  for (const line of order.lines.filter((l) => TO_FETCH.has(l.state))) {
    const name = line.variantName ? `${line.productName}, ${line.variantName}` : line.productName;
    blocks.push(
      { type: 'text', text: `${line.quantity} × ${name}`, bold: true },
      { type: 'row', left: `Art.nr ${line.sku}`, right: `Hylla ${line.shelf ?? '-'}` },
    );
  }
  blocks.push({ type: 'separator' });
  if (order.pickupCode) {
    blocks.push(
      { type: 'qr', data: order.pickupCode },
      { type: 'text', text: `Hämtkod ${order.pickupCode}`, align: 'center' },
    );
  }
  blocks.push({ type: 'feed', lines: 2 });
  return { kind: 'normal', isElectronic: false, blocks };
}

/** What became of the ticket: a printer problem never undoes the accept it belongs to. */
export interface PickTicketOutcome {
  printed: boolean;
  error: string | null;
}

/** Prints the ticket on the register's printer; reports (does not throw) why it could not. */
export async function printPickTicket(
  ctx: AppContext,
  registerId: string,
  order: Order,
): Promise<PickTicketOutcome> {
  const settings = await findSettings(ctx.db, registerId);
  if (!settings.printerHost) {
    return { printed: false, error: 'This register has no receipt printer configured.' };
  }
  try {
    const bytes = encodeReceiptEscPos(pickTicketDocument(order));
    await sendToPrinter(bytes, { host: settings.printerHost, port: settings.printerPort ?? 9100 });
    return { printed: true, error: null };
  } catch (error) {
    return { printed: false, error: error instanceof Error ? error.message : String(error) };
  }
}
