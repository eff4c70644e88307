import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ClientDuplicate, type Company, CreateCompanyRequest, FieldIssue } from '@pulse/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { filledEmails, filledPhones } from '../crm/ContactPointsEditor.tsx';
import { DuplicateList } from '../crm/DuplicateList.tsx';
import { MergeDialog, type MergeTarget } from '../crm/MergeDialog.tsx';
import { canReassign } from '../crm/permissions.ts';
import { RECORD_PATHS } from '../crm/RecordLink.tsx';
import { CompanyFields } from './CompanyFields.tsx';
import { type CompanyFormValues, emptyCompanyValues } from './company-form-values.ts';
import { useCreateCompany, useMergeCompany } from './use-companies.ts';

interface Props {
  opened: boolean;
  onClose(): void;
}

/** A new company; look-alikes are shown after it is created, an INN already taken before. */
export function CompanyCreateModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('companies.create')} size="lg">
      {opened && <CreateFlow onClose={onClose} />}
    </Modal>
  );
}

function CreateFlow({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateCompany();
  const merge = useMergeCompany();
  const [values, setValues] = useState<CompanyFormValues>(() => emptyCompanyValues(me.user.id));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [innTaken, setInnTaken] = useState<ClientDuplicate[] | null>(null);
  const [created, setCreated] = useState<{ company: Company; duplicates: ClientDuplicate[] } | null>(null);
  const [mergeTarget, setMergeTarget] = useState<MergeTarget | null>(null);

  function submit(allowDuplicate: boolean) {
    const checked = checkWith(CreateCompanyRequest, {
      ...values,
      phones: filledPhones(values.phones),
      emails: filledEmails(values.emails),
      ownerId: canReassign(me) ? values.ownerId : undefined,
      allowDuplicate,
    });
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    create.mutate(checked.data, {
      onSuccess: (result) => {
        setInnTaken(null);
        notifySuccess(t('companies.created'));
        if (result.duplicates.length > 0) setCreated(result);
        else finish(result.company);
      },
      onError: (error) => {
        const sameInn = innDuplicates(error, 'body.inn');
        if (sameInn) {
          setInnTaken(sameInn);
          return;
        }
        setInnTaken(null);
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  function finish(company: Company) {
    onClose();
    void navigate(RECORD_PATHS.company(company.id));
  }

  if (created) {
    return (
      <Stack gap="sm" data-testid="company-duplicates-notice">
        <Alert color="yellow" title={t('companies.duplicates.title')}>
          <Text size="sm">{t('companies.duplicates.text', { name: created.company.name })}</Text>
        </Alert>
        <DuplicateList
          items={created.duplicates}
          path={RECORD_PATHS.company}
          testId="company-duplicates"
          onMerge={(duplicate: ClientDuplicate) =>
            setMergeTarget({
              current: { id: created.company.id, name: created.company.name },
              other: { id: duplicate.id, name: duplicate.name },
            })
          }
        />
        <Group justify="flex-end">
          <Button onClick={() => finish(created.company)} data-testid="company-open-created">
            {t('companies.openCreated')}
          </Button>
        </Group>
        <MergeDialog
          target={mergeTarget}
          pending={merge.isPending}
          onClose={() => setMergeTarget(null)}
          onMerge={(choice) =>
            merge.mutate(choice, {
              onSuccess: (survivor) => {
                notifySuccess(t('crm.merge.done'));
                setMergeTarget(null);
                finish(survivor);
              },
              onError: (error) => notifyError(errorMessage(error)),
            })
          }
        />
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit(false);
      }}
      noValidate
    >
      <Stack gap="sm">
        {innTaken && (
          <InnTakenAlert
            duplicates={innTaken}
            onCreateAnyway={() => submit(true)}
            pending={create.isPending}
            testId="company-inn-taken"
          />
        )}
        <CompanyFields
          values={values}
          onChange={(next) => {
            // "Create anyway" was about the INN refused, not another one typed since.
            if (next.inn !== values.inn) setInnTaken(null);
            setValues(next);
          }}
          errors={errors}
          canChooseOwner={canReassign(me)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="company-form-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The companies a 409 on `path` (`body.inn`, `body.company.inn` when converting a lead) names as
 * already having the INN sent; null when the error is another.
 */
export function innDuplicates(error: unknown, path: string): ClientDuplicate[] | null {
  if (!isApiError(error, 'conflict')) return null;
  const issue = error.details.find((detail) => detail.path === path);
  if (!issue) return null;
  // The API client keeps a detail as path and message; the contract reads its duplicates too.
  const parsed = FieldIssue.safeParse(issue);
  return parsed.success ? (parsed.data.duplicates ?? []) : [];
}

interface InnTakenAlertProps {
  duplicates: readonly ClientDuplicate[];
  onCreateAnyway(): void;
  pending: boolean;
  testId: string;
  /** Other ways on, shown before "create anyway" (linking a lead to one of the companies). */
  children?: ReactNode;
}

/** The server refused an exact INN duplicate: the companies with it, and creating anyway. */
export function InnTakenAlert({ duplicates, onCreateAnyway, pending, testId, children }: InnTakenAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('companies.duplicates.innTaken')} data-testid={testId}>
      <Stack gap="xs">
        {duplicates.length > 0 ? (
          <DuplicateList items={duplicates} path={RECORD_PATHS.company} testId={`${testId}-list`} />
        ) : (
          <Text size="sm">{t('companies.duplicates.innTakenHidden')}</Text>
        )}
        <Group gap="xs">
          {children}
          <Button
            size="xs"
            variant="light"
            color="red"
            onClick={onCreateAnyway}
            loading={pending}
            data-testid={`${testId}-create-anyway`}
          >
            {t('companies.duplicates.createAnyway')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
