// Sales reports: dashboards with charts per day, hour, store, register, channel, salesperson, product and category; CSV and Excel export.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function ReportsArea() {
  const t = useT();
  return <PageHeading title={t('nav.reports')} />;
}
