import { Modal, Text } from '@mantine/core';
import type { ClientDuplicate } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { DuplicateList } from './DuplicateList.tsx';
import { MergeDialog, type MergeTarget } from './MergeDialog.tsx';

interface DuplicatesModalProps {
  record: { id: string; name: string };
  opened: boolean;
  canMerge: boolean;
  onClose(): void;
  title: string;
  testId: string;
  path(id: string): string;
  duplicates: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: { items: ClientDuplicate[] } | undefined;
    refetch(): unknown;
  };
  merge: {
    isPending: boolean;
    mutate(
      choice: { survivorId: string; otherId: string },
      options: { onSuccess(survivor: { id: string }): void; onError(error: unknown): void },
    ): void;
  };
}

/** Look-alikes of a company or contact found on demand, and merging one of them into the other. */
export function DuplicatesModal(props: DuplicatesModalProps) {
  const { record, opened, canMerge, onClose, duplicates, merge, path, testId } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [target, setTarget] = useState<MergeTarget | null>(null);
  return (
    <Modal opened={opened} onClose={onClose} title={props.title} size="lg">
      {duplicates.isPending ? (
        <CenteredLoader minHeight={100} />
      ) : duplicates.isError || !duplicates.data ? (
        <QueryError error={duplicates.error} onRetry={() => void duplicates.refetch()} />
      ) : duplicates.data.items.length === 0 ? (
        <Text c="dimmed" data-testid={`${testId}-none`}>
          {t('crm.noDuplicates')}
        </Text>
      ) : (
        <DuplicateList
          items={duplicates.data.items}
          path={path}
          testId={testId}
          onMerge={
            canMerge
              ? (duplicate: ClientDuplicate) =>
                  setTarget({ current: record, other: { id: duplicate.id, name: duplicate.name } })
              : undefined
          }
        />
      )}
      <MergeDialog
        target={target}
        pending={merge.isPending}
        onClose={() => setTarget(null)}
        onMerge={(choice) =>
          merge.mutate(choice, {
            onSuccess: (survivor) => {
              notifySuccess(t('crm.merge.done'));
              setTarget(null);
              onClose();
              if (survivor.id !== record.id) void navigate(path(survivor.id), { replace: true });
            },
            onError: (error) => notifyError(errorMessage(error)),
          })
        }
      />
    </Modal>
  );
}
