/**
 * A list read page by page (offset/limit) as the clerk scrolls: the first
 * page comes at once, the next when the table nears the end of what is
 * loaded. Works for every list method whose output is `{ rows, total }`.
 * Like useApiQuery, the query records the tables its method reads, so a write
 * to any of them refetches the loaded pages.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { apiClient, type ApiError } from './client';

type PagedOutput = { rows: unknown[]; total: number };
export type PagedMethod = { [K in MethodName]: Output<K> extends PagedOutput ? K : never }[MethodName];
export type PagedRow<M extends PagedMethod> = Output<M> extends { rows: (infer R)[] } ? R : never;
/** The filter part of the input: everything except the page window. */
export type PagedFilter<M extends PagedMethod> = Omit<Input<M>, 'offset' | 'limit'>;

export function usePagedList<M extends PagedMethod>(method: M, filter: PagedFilter<M>, pageSize = 100) {
  const api = apiClient();
  const query = useInfiniteQuery<Output<M>, ApiError>({
    queryKey: [method, filter, 'paged', pageSize],
    queryFn: ({ pageParam }) => api.call(method, { ...filter, offset: pageParam as number, limit: pageSize } as Input<M>),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + (p as PagedOutput).rows.length, 0);
      return loaded < (last as PagedOutput).total ? loaded : undefined;
    },
    meta: { tables: api.readsOf(method) },
    // Keep the old rows on screen while a new search runs, instead of flashing empty.
    placeholderData: (previous) => previous,
  });

  const rows = useMemo(
    () => (query.data?.pages ?? []).flatMap((p) => (p as PagedOutput).rows as PagedRow<M>[]),
    [query.data],
  );
  const total = query.data?.pages[0] ? (query.data.pages[0] as PagedOutput).total : undefined;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return {
    rows,
    total,
    /** The first page as the server sent it: lists that answer with more than rows and total (e.g. totals) read it here. */
    firstPage: query.data?.pages[0],
    loadMore,
    loading: query.isPending || (query.isFetching && query.isPlaceholderData),
    loadingMore: isFetchingNextPage,
    error: query.error,
  };
}
