import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { auth } from '@/lib/auth';
import { meQuery } from '@/lib/me';
import { Shell } from '../shell';

// Every page but /login: a session (restored from the refresh cookie after a reload) or back to /login
// with the page the user wanted remembered.
export const Route = createFileRoute('/_app')({
  beforeLoad: async ({ context, location }) => {
    if (!(await auth.restore())) throw redirect({ to: '/login', search: { redirect: location.href } });
    await context.queryClient.ensureQueryData(meQuery());
  },
  component: AppLayout,
});

function AppLayout() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
