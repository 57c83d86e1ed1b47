// The carrier port: what a transport-booking service (nShift/Unifaun, a carrier's own API) does for
// us. A shipping method names its carrier and service code (`shipping_methods`); the adapter for
// that carrier books the parcels and answers with a tracking number and a label.
import type { Parcel } from '@handla/api';

export interface PartyAddress {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  phone?: string | null;
  email?: string | null;
}

export interface BookShipmentRequest {
  /** The carrier as the shipping method names it ("PostNord", "DB Schenker"). */
  carrier: string;
  /** The carrier's product, e.g. PostNord "17" (MyPack Home) or Schenker "BCF". */
  serviceCode: string;
  sender: PartyAddress;
  receiver: PartyAddress;
  parcels: Parcel[];
  /**
   * Our shipment id. An adapter must be idempotent on it: a retry after a crash books nothing new
   * and answers with the first booking (nShift: the shipment's `orderNo`/reference).
   */
  reference: string;
  /** Shown on the label, e.g. "Order 1001". */
  description: string;
  /**
   * The address of the shop the order was placed in (its links' origin, docs/shops.md): a carrier
   * whose tracking page is on our site (the demo carrier) links there. Real carriers ignore it.
   */
  siteUrl?: string;
}

export interface BookedShipment {
  trackingNumber: string;
  /** Where the shopper follows the parcel. */
  trackingUrl: string;
  labelPdf: Buffer;
}

/** One carrier integration. Throwing means "no answer": the shipment stays for a retry. */
export interface CarrierPort {
  readonly name: string;
  bookShipment(request: BookShipmentRequest): Promise<BookedShipment>;
}
