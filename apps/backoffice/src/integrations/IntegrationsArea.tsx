// Placeholder page; owned by its helper.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function IntegrationsArea() {
  const t = useT();
  return <PageHeading title={t('nav.integrations')} />;
}
