import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDigest } from '../../api/daily-views.ts';

/** The morning digest for `date` (null: today in the organisation's zone). */
export function useDigest(date: string | null) {
  return useQuery({
    queryKey: ['daily-control', 'digest', date],
    queryFn: ({ signal }) => getDigest(date, signal),
    placeholderData: keepPreviousData,
  });
}
