// Returns within the right of withdrawal and drop shipping: requests, inbound parcels, inspection, refunds; supplier orders.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function ReturnsArea() {
  const t = useT();
  return <PageHeading title={t('nav.returns')} />;
}
