// Placeholder page; owned by its helper.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function InvoicesArea() {
  const t = useT();
  return <PageHeading title={t('nav.invoices')} />;
}
