import { QueryClient } from '@tanstack/react-query';
import { cache } from 'react';

// Shared by every server render so prefetched data is reused between pages.
export const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }); // expect: no-unbounded-cache-in-handler

/** One client per server request (React's `cache` is scoped to a render). */
export const getRequestQueryClient = cache(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
