import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { rawQuery } from './list-state.ts';
import type { ListDefinition, ListState } from './list-types.ts';

/** Rows per request: enough for a screen and a half, small enough to answer fast. */
export const LIST_PAGE_SIZE = 100;

/** The pages of one list for the current state, loaded one cursor after another. */
export function useEntityList<Row>(definition: ListDefinition<Row>, state: ListState, q: string) {
  const query = useMemo(() => {
    const effective = { ...state, q };
    return definition.toQuery
      ? { ...definition.toQuery(effective), ...definition.fixed }
      : rawQuery(effective, definition.fixed);
  }, [definition, state, q]);

  const list = useInfiniteQuery({
    queryKey: [definition.entity, 'list', query],
    queryFn: ({ pageParam, signal }) =>
      definition.fetchPage({ ...query, cursor: pageParam, limit: LIST_PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  return { list, rows };
}
