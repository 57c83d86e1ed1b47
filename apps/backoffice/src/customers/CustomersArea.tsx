// Back office: customers at #/customers (search, matching settings), a new customer at
// #/customers/new, one customer (details, history, merge, export, erasure) at #/customers/<id>.
import { useT } from '@handla/ui';
import { PageHeading } from '../pages/PageHeading';
import { useSubPath } from '../routes';
import { CustomerForm } from './CustomerForm';
import { CustomerList } from './CustomerList';
import { CustomerPage } from './CustomerPage';
import './customers.css';

export function CustomersArea() {
  const t = useT();
  const id = decodeURIComponent(useSubPath().replace(/^\//, ''));
  return (
    <>
      <PageHeading title={t('nav.customers')} />
      {id === 'new' ? (
        <>
          <a href="#/customers">{t('crmAdmin.back')}</a>
          <CustomerForm
            onSaved={(c) => {
              window.location.hash = `#/customers/${encodeURIComponent(c.id)}`;
            }}
          />
        </>
      ) : id ? (
        <CustomerPage key={id} id={id} />
      ) : (
        <CustomerList />
      )}
    </>
  );
}
