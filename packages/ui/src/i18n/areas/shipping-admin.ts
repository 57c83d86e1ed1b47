// Shipping: carriers behind a port, shipments per line and quantity, labels (PDF, Code 128), a capture per shipment.
// Keys are prefixed by the area; every key needs both languages.
export const shippingAdminSv = {
  'nav.shipments': 'Leveranser',
} as const;

export const shippingAdminEn: Record<keyof typeof shippingAdminSv, string> = {
  'nav.shipments': 'Shipments',
};
