/**
 * TanStack Query over the typed client. Each query records the tables its
 * method reads (declared in the contract); when the host reports a write to
 * any of them, exactly those queries refetch. Nothing polls.
 */
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { apiClient, type ApiError } from './client';

export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Output<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  const api = apiClient();
  return useQuery<Output<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => api.call(method, input),
    meta: { tables: api.readsOf(method) },
    ...options,
  });
}

export function useApiMutation<M extends MethodName>(method: M) {
  return useMutation<Output<M>, ApiError, Input<M>>({ mutationFn: (input) => apiClient().call(method, input) });
}

export function invalidateForTables(qc: QueryClient, tables: readonly string[]): void {
  const all = tables.includes('*');
  void qc.invalidateQueries({
    predicate: (q) => {
      const reads = (q.meta?.tables ?? []) as readonly string[];
      return all || reads.some((t) => tables.includes(t));
    },
  });
}

/** Mount once: subscribes to the host's db:changed events. */
export function useDbChangedInvalidation(): void {
  const qc = useQueryClient();
  useEffect(() => apiClient().onChanged((e) => invalidateForTables(qc, e.tables)), [qc]);
}
