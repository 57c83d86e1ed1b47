import { ErrorNotice, useApi, useLoader, useT } from '@handla/ui';
import { useCallback } from 'react';
import { PageHeading } from './PageHeading';

/** Everyone who can sign in, with their role. */
export function StaffPage() {
  const t = useT();
  const api = useApi();
  const staff = useLoader(useCallback(() => api.listStaff(), [api]));
  return (
    <>
      <PageHeading title={t('nav.staff')} />
      {staff.error !== null && <ErrorNotice error={staff.error} onRetry={staff.reload} />}
      <div className="table-wrap">
        <table aria-busy={staff.loading}>
          <caption>{t('staff.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.role')}</th>
            </tr>
          </thead>
          <tbody>
            {staff.data?.items.map((user) => (
              <tr key={user.id}>
                <th scope="row">{user.name}</th>
                <td>
                  <a href={`mailto:${user.email}`}>{user.email}</a>
                </td>
                <td>{t(`role.${user.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
