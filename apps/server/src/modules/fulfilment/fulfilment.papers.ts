// The PDFs as the routes serve them: the data read from the database, then rendered.
import { DomainError } from '@handla/core';
import type { AppContext } from '../../context';
import { findLocations } from '../locations/locations.lookups';
import { orderBarcodePng, renderPackingSlipPdf, renderPickListPdf } from './fulfilment.pdf';
import { getPickList } from './fulfilment.service';
import { listPackLines } from './fulfilment.store';
import { findOrderForPacking } from './packing.service';

export async function pickListPdf(ctx: AppContext, id: string): Promise<Buffer> {
  const list = await getPickList(ctx, id);
  const [location] = await findLocations(ctx.db, [list.locationId]);
  return renderPickListPdf(list, location?.name ?? list.locationId);
}

/** The packing slip of a delivery order; 404 naming `orderId` for anything else. */
export async function packingSlipPdf(ctx: AppContext, orderId: string): Promise<Buffer> {
  const order = await findOrderForPacking(ctx.db, orderId);
  if (order.fulfilment !== 'delivery') {
    throw new DomainError('not_found', `Order ${order.number} is not a delivery order.`, [
      { field: 'orderId', message: 'Not a delivery order' },
    ]);
  }
  const lines = await listPackLines(ctx.db, order.id);
  return renderPackingSlipPdf(
    {
      orderNumber: order.number,
      customerName: order.customerName,
      customerEmail: order.customerEmail,
      deliveryAddress: order.deliveryAddress,
      lines: lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity })),
    },
    await orderBarcodePng(order.number),
  );
}
