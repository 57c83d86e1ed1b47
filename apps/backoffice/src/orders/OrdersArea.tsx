// Orders in the back office: every channel in one list, search, filters, the timeline, line edits until picking, API orders idempotent on their external reference.
// #/orders is the list; #/orders/<id> one order with its lines, payment and timeline.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';
import { useSubPath } from '../routes';
import { OrderDetail } from './OrderDetail';
import { OrderList } from './OrderList';
import './orders.css';

export function OrdersArea() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.orders')} />
      {id ? <OrderDetail id={id} /> : <OrderList />}
    </>
  );
}
