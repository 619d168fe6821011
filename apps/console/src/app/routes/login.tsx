import { createFileRoute, useRouter } from '@tanstack/react-router';
import { z } from 'zod';
import { LoginPage } from '@/features/auth/pages/login-page';
import { safeRedirect } from '@/app/guard';

const search = z.object({
  redirect: z.string().optional().catch(undefined),
  expired: z.boolean().optional().catch(undefined),
});

export const Route = createFileRoute('/login')({
  validateSearch: search,
  component: Login,
});

function Login() {
  const { redirect, expired } = Route.useSearch();
  const router = useRouter();
  return <LoginPage expired={expired === true} onSignedIn={() => void router.history.push(safeRedirect(redirect))} />;
}
