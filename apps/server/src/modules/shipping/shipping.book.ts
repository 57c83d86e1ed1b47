// Step 3 of a shipment: the carrier of the shipping method books the parcels from the location the
// goods leave to the delivery address (or a ship-home line's address). See shipping.service.ts.
import { DomainError } from '@handla/core';
import type { Queryable } from '@handla/db';
import type { AppContext } from '../../context';
import type { OrderRow } from '../orders/orders.store';
import type { BookedShipment, CarrierPort } from './carrier.port';
import { carrierFor } from './carriers';
import * as store from './shipping.store';
import { listShippingLines } from './shipping.view';

/** Step 3: the carrier books the parcels; no answer keeps the shipment for a retry. */
export async function bookShipment(
  ctx: AppContext,
  order: OrderRow,
  row: store.ShipmentRow,
  /** Books with this port instead of the method's carrier (a 3PL that booked the parcel itself). */
  carrier?: CarrierPort,
): Promise<BookedShipment> {
  const sender = await store.findSenderOf(ctx.db, row.locationId);
  const lines = await listShippingLines(ctx.db, order.id);
  const shipLine = lines.find((l) => l.shipFromLocationId && l.shipFromLocationId === row.locationId);
  const address = order.deliveryAddress ?? (await shipAddressOf(ctx.db, shipLine?.id));
  try {
    return await (carrier ?? carrierFor(ctx, row.carrier)).bookShipment({
      carrier: row.carrier,
      serviceCode: row.serviceCode,
      sender: {
        name: `${sender.companyName}, ${sender.locationName}`,
        street: sender.street ?? '',
        postalCode: sender.postalCode ?? '',
        city: sender.city ?? '',
        country: sender.country,
        phone: sender.phone,
      },
      receiver: {
        name: address?.name ?? order.customerName,
        street: address?.street ?? '',
        postalCode: address?.postalCode ?? '',
        city: address?.city ?? '',
        country: address?.country ?? 'SE',
        phone: order.customerPhone,
        email: order.customerEmail,
      },
      parcels: row.parcels,
      reference: row.id,
      description: `Order ${order.number}/${row.number}`,
      ...(siteUrlOf(order.statusUrl) ? { siteUrl: siteUrlOf(order.statusUrl) } : {}),
    });
  } catch (error) {
    await store.noteShipmentError(ctx.db, row.id, `Carrier: ${String(error)}`);
    throw new DomainError('carrier_failed', 'The carrier did not answer; retry with the same key.');
  }
}

/** The origin of the order's links: its status URL without the page part (`/#/…`), if it has one. */
export function siteUrlOf(statusUrl: string): string | undefined {
  const match = /^(https?:\/\/[^#]*?)\/#\//.exec(statusUrl);
  return match?.[1];
}

async function shipAddressOf(q: Queryable, lineId: string | undefined) {
  return lineId ? store.findShipAddress(q, lineId) : undefined;
}
