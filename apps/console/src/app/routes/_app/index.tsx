import { createFileRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { UnderConstruction } from '@/components/under-construction';

export const Route = createFileRoute('/_app/')({
  validateSearch: z.object({ denied: z.string().optional().catch(undefined) }),
  component: () => <UnderConstruction route="/" />,
});
