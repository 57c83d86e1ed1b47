// The demo carrier's tracking link follows the order's shop (its public URL), else PUBLIC_URL.
import { describe, expect, it } from 'vitest';
import type { BookShipmentRequest } from './carrier.port';
import { createDemoCarrier } from './demo-carrier';
import { siteUrlOf } from './shipping.book';

const party = { name: 'A', street: 'B 1', postalCode: '00100', city: 'Helsinki', country: 'FI' };
const request: BookShipmentRequest = {
  carrier: 'Posti',
  serviceCode: '2103',
  sender: { ...party, country: 'SE' },
  receiver: party,
  parcels: [{ weightGrams: 1000 }],
  reference: 'shp_1',
  description: 'Order 1001/1',
};

describe('the demo carrier', () => {
  const carrier = createDemoCarrier({ publicUrl: () => 'http://localhost:3000', clock: () => new Date(0) });

  it("links tracking on the order's shop's address, else on PUBLIC_URL", async () => {
    const onShop = await carrier.bookShipment({
      ...request,
      siteUrl: siteUrlOf('http://fi.localhost:3000/#/order/t0k3n'),
    });
    expect(onShop.trackingUrl).toBe(`http://fi.localhost:3000/api/shipping/track/${onShop.trackingNumber}`);
    expect(siteUrlOf('not a link')).toBeUndefined();
    const plain = await carrier.bookShipment(request);
    expect(plain.trackingUrl).toBe(`http://localhost:3000/api/shipping/track/${plain.trackingNumber}`);
  });
});
