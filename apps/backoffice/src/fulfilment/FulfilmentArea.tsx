// Fulfilment: release to picking at once or in batches, pick lists and packing slips (PDF), packing by scan.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function FulfilmentArea() {
  const t = useT();
  return <PageHeading title={t('nav.fulfilment')} />;
}
