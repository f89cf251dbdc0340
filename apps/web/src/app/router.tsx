import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { lazyNamed } from '../components/lazy-named.ts';
import { PageSpinner } from '../components/page-spinner.tsx';
import { RouteError } from '../components/route-error.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';

const LoginPage = lazyNamed(() => import('../features/auth/login-page.tsx'), 'LoginPage');
const SetupPage = lazyNamed(() => import('../features/setup/setup-page.tsx'), 'SetupPage');
const AppLayout = lazyNamed(() => import('../features/layout/app-layout.tsx'), 'AppLayout');
const HomePage = lazyNamed(() => import('../features/home/home-page.tsx'), 'HomePage');
const ProfilePage = lazyNamed(() => import('../features/profile/profile-page.tsx'), 'ProfilePage');
const UsersPage = lazyNamed(() => import('../features/users/users-page.tsx'), 'UsersPage');
const NotFoundPage = lazyNamed(() => import('../features/layout/not-found-page.tsx'), 'NotFoundPage');

function standalone(page: ReactNode) {
  return <Suspense fallback={<PageSpinner fullScreen />}>{page}</Suspense>;
}

function inLayout(page: ReactNode) {
  return <Suspense fallback={<PageSpinner />}>{page}</Suspense>;
}

/** Every page of the app; each one is its own chunk, loaded when first visited. */
export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/login', element: standalone(<LoginPage />) },
        { path: '/setup', element: standalone(<SetupPage />) },
        {
          element: <RequireAuth />,
          children: [
            {
              element: standalone(<AppLayout />),
              children: [
                { index: true, element: inLayout(<HomePage />) },
                { path: 'profile', element: inLayout(<ProfilePage />) },
                { path: 'admin/users', element: inLayout(<UsersPage />) },
                { path: '*', element: inLayout(<NotFoundPage />) },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
