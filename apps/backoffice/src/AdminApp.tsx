import { AppHeader, RequireStaff, useT } from '@handla/ui';
import { useEffect } from 'react';
import { AdminNav } from './AdminNav';
import { AdminPage } from './AdminPage';
import { useRoute } from './routes';

/** The back office: owners and managers only; a cashier is told they have no access. */
export function AdminApp() {
  const t = useT();
  const route = useRoute();
  const title = t('admin.title');
  useEffect(() => {
    document.title = `${title} – Handla`;
  }, [title]);
  return (
    <>
      <AppHeader title={title} />
      <RequireStaff roles={['owner', 'manager']}>
        <AdminNav current={route} />
        <AdminPage route={route} />
      </RequireStaff>
    </>
  );
}
