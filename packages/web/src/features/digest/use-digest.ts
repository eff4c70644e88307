import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDigest } from '../../api/daily-views.ts';
import { useMe } from '../auth/session.tsx';

/**
 * The morning digest for `date` (null: today in the organisation's zone). The server writes it in
 * the profile's language, so it is read again once a language switch has reached the profile.
 */
export function useDigest(date: string | null) {
  const locale = useMe().user.locale;
  return useQuery({
    queryKey: ['daily-control', 'digest', date, locale],
    queryFn: ({ signal }) => getDigest(date, signal),
    placeholderData: keepPreviousData,
  });
}
