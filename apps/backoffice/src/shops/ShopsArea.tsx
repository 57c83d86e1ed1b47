// Placeholder page; owned by its helper.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function ShopsArea() {
  const t = useT();
  return <PageHeading title={t('nav.shops')} />;
}
