import type { Role } from '@handla/api';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../ErrorNotice';
import { useT } from '../i18n/i18n';
import { LoginForm } from './LoginForm';
import { useSession } from './session';

/** Shows the sign-in form until a staff member is signed in, then `children` if their role is allowed. */
export function RequireStaff({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const t = useT();
  const { user, loading, error, refresh } = useSession();

  if (loading) {
    return (
      <p className="centered" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!user) {
    return (
      <div className="centered stack">
        {error !== null && <ErrorNotice error={error} onRetry={() => void refresh()} />}
        <LoginForm />
      </div>
    );
  }
  if (roles && !roles.includes(user.role)) return <NoAccess name={user.name} role={user.role} />;
  return <>{children}</>;
}

function NoAccess({ name, role }: { name: string; role: Role }) {
  const t = useT();
  const { signOut } = useSession();
  return (
    <div className="centered">
      <section className="card stack" role="alert" aria-labelledby="no-access-heading">
        <h2 id="no-access-heading">{t('auth.noAccess')}</h2>
        <p>{t('auth.noAccessDetail', { name, role: t(`role.${role}`) })}</p>
        <button type="button" className="button button-primary button-large" onClick={() => void signOut()}>
          {t('auth.switchAccount')}
        </button>
      </section>
    </div>
  );
}
