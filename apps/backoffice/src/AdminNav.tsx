import { useT } from '@handla/ui';
import { ROUTES, type RoutePath } from './routes';

/** The main menu; the current page is marked for assistive technology too. */
export function AdminNav({ current }: { current: RoutePath }) {
  const t = useT();
  return (
    <nav className="admin-nav" aria-label={t('admin.nav')}>
      <ul>
        {ROUTES.map((route) => (
          <li key={route.path}>
            <a href={`#${route.path}`} aria-current={route.path === current ? 'page' : undefined}>
              {t(route.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
