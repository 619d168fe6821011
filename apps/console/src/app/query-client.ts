import { QueryClient } from '@tanstack/react-query';
import { toProblem } from '@/lib/problem';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        // a 4xx will not change by asking again; a network blip or a 5xx may
        retry: (failures, error) => failures < 2 && toProblem(error).status >= 500,
      },
      mutations: { retry: false },
    },
  });
}
