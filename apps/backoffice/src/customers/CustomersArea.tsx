// Customers (CRM): consumers and companies, matching across channels, merging, personal data export and erasure.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function CustomersArea() {
  const t = useT();
  return <PageHeading title={t('nav.customers')} />;
}
