import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from '../../components/page-spinner.tsx';
import { RouteError } from '../../components/route-error.tsx';
import { useSession, wasLoggedOut } from './api.ts';

/** Lets signed-in users through; sends others to the login page, remembering where they were going. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSpinner fullScreen />;
  if (session.isError) return <RouteError />;
  if (!session.data) {
    const target = location.pathname + location.search;
    const search = target === '/' || wasLoggedOut() ? '' : `?next=${encodeURIComponent(target)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <Outlet />;
}

/** A safe place to go after login: only paths of this app, never another site. */
export function safeNext(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/login') || value.startsWith('/setup')) return '/';
  return value;
}
