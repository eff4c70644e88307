import { useTranslation } from 'react-i18next';
import { useUser } from '../people/use-users.ts';

/** A person's name by id; lists hold few distinct owners, so the per-user cache answers most. */
export function UserName({ id }: { id: string | null | undefined }) {
  const { t } = useTranslation();
  const user = useUser(id);
  if (!id) return t('common.none');
  if (user.isError) return t('common.none');
  return user.data?.fullName ?? '…';
}
