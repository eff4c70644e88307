import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ClientDuplicate, type Company, CreateCompanyRequest } from '@pulse/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { findCompanies } from '../../api/companies.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { filledEmails, filledPhones } from '../crm/ContactPointsEditor.tsx';
import { DuplicateList } from '../crm/DuplicateList.tsx';
import { MergeDialog, type MergeTarget } from '../crm/MergeDialog.tsx';
import { canReassign } from '../crm/permissions.ts';
import { RECORD_PATHS, RecordLink } from '../crm/RecordLink.tsx';
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
  const [innTaken, setInnTaken] = useState<string | null>(null);
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
        if (isApiError(error, 'conflict') && error.details.some((issue) => issue.path === 'body.inn')) {
          setInnTaken(checked.data.inn);
          return;
        }
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
        {innTaken && <InnTaken inn={innTaken} onCreateAnyway={() => submit(true)} pending={create.isPending} />}
        <CompanyFields values={values} onChange={setValues} errors={errors} canChooseOwner={canReassign(me)} />
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

/** The server refused an exact INN duplicate: show the companies with it, or create anyway. */
function InnTaken({ inn, onCreateAnyway, pending }: { inn: string | null; onCreateAnyway(): void; pending: boolean }) {
  const { t } = useTranslation();
  const matches = useQuery({
    queryKey: ['companies', 'inn', inn],
    queryFn: ({ signal }) => findCompanies({ q: inn ?? undefined, archived: 'all', limit: 10 }, signal),
    enabled: Boolean(inn),
  });
  return (
    <Alert color="red" title={t('companies.duplicates.innTaken')} data-testid="company-inn-taken">
      <Stack gap="xs">
        {(matches.data?.items ?? []).map((company) => (
          <RecordLink key={company.id} to={RECORD_PATHS.company(company.id)}>
            {company.name}
          </RecordLink>
        ))}
        {matches.data?.items.length === 0 && <Text size="sm">{t('companies.duplicates.innTakenHidden')}</Text>}
        <Button
          size="xs"
          variant="light"
          color="red"
          onClick={onCreateAnyway}
          loading={pending}
          style={{ alignSelf: 'flex-start' }}
          data-testid="company-create-anyway"
        >
          {t('companies.duplicates.createAnyway')}
        </Button>
      </Stack>
    </Alert>
  );
}
