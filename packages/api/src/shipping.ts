// Shipping: carriers behind a port, shipments per line and quantity, labels (PDF, Code 128), a capture per shipment.
import { z } from 'zod';

/** Placeholder until the contract is written. */
export const shippingAdminPlaceholder = z.object({});
