// Back office: webhook subscriptions, their delivery log and redelivery.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function WebhooksArea() {
  const t = useT();
  return <PageHeading title={t('nav.webhooks')} />;
}
