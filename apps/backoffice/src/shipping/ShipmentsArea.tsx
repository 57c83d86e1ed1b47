// Shipping: carriers behind a port, shipments per line and quantity, labels (PDF, Code 128), a capture per shipment.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function ShipmentsArea() {
  const t = useT();
  return <PageHeading title={t('nav.shipments')} />;
}
