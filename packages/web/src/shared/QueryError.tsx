import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './error-message.ts';

/** A failed load, said in the user's language, with a way to try again. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Alert color="red" role="alert" title={message(error)}>
      {onRetry && (
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
