// "Handla Demo Frakt": the built-in carrier for demos and tests. It books nothing anywhere, but
// answers like a real one: an S10 tracking number (parcel post "CA", issued in Sweden), a tracking
// link and a real PDF label with a Code 128 barcode. Idempotent on the reference: the serial is
// derived from it, so a retried booking gets the same tracking number.
import { createHash } from 'node:crypto';
import { s10Identifier } from '@handla/core';
import type { BookShipmentRequest, CarrierPort } from './carrier.port';
import { renderLabelPdf } from './label.pdf';

export const DEMO_CARRIER_NAME = 'Handla Demo Frakt';

/** The serial of a booking: 8 digits from the reference's hash. */
function serialOf(reference: string): number {
  return createHash('sha256').update(reference).digest().readUInt32BE(0) % 100_000_000;
}

export function createDemoCarrier(options: { publicUrl: () => string; clock: () => Date }): CarrierPort {
  return {
    name: DEMO_CARRIER_NAME,
    async bookShipment(request: BookShipmentRequest) {
      const trackingNumber = s10Identifier('CA', serialOf(request.reference), 'SE');
      const labelPdf = await renderLabelPdf(request, {
        carrierName: DEMO_CARRIER_NAME,
        trackingNumber,
        at: options.clock(),
      });
      return {
        trackingNumber,
        // On the order's shop's address when it has one, so the shipped mail links there too.
        trackingUrl: `${request.siteUrl ?? options.publicUrl()}/api/shipping/track/${trackingNumber}`,
        labelPdf,
      };
    },
  };
}
