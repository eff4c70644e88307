import { Button, Group, Modal, Stack } from '@mantine/core';
import { type DealDetails, UpdateDealRequest } from '@pulse/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { parseMoneyInput } from '../../shared/money.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useMe } from '../auth/session.tsx';
import { changedFields } from '../companies/company-form-values.ts';
import { canReassign } from '../crm/permissions.ts';
import { DealFields } from './DealFields.tsx';
import { type DealFormValues, dealValues } from './deal-form-values.ts';
import { dealKey, useUpdateDeal } from './use-deals.ts';

export function DealEditModal({ deal, opened, onClose }: { deal: DealDetails; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.edit')} size="lg">
      {opened && <EditForm deal={deal} onClose={onClose} />}
    </Modal>
  );
}

/** The deal's fields except its stage (moved on the board or the stage bar) and lines. */
function EditForm({ deal, onClose }: { deal: DealDetails; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const update = useUpdateDeal(deal.id);
  const [initial] = useState(() => dealValues(deal));
  const [values, setValues] = useState<DealFormValues>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const fromLines = deal.lines.length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const { pipelineId: _p, stageId: _s, amount, ...changes } = changedFields(initial, values);
    const body: Record<string, unknown> = { ...changes, version: deal.version };
    if (amount !== undefined && !fromLines) {
      const amountMinor = parseMoneyInput(amount, deal.currency);
      if (amountMinor === null) {
        setErrors({ amountMinor: t('validation.amount') });
        return;
      }
      body.amountMinor = amountMinor;
    }
    if (changes.expectedCloseDate !== undefined) body.expectedCloseDate = changes.expectedCloseDate || null;
    if (!canReassign(me) || body.ownerId === null) delete body.ownerId;
    const checked = checkWith(UpdateDealRequest, body);
    if (!checked.ok) {
      setErrors(fromIssues(checked.issues));
      return;
    }
    setErrors({});
    update.mutate(checked.data, {
      onSuccess: () => {
        notifySuccess(t('deals.updated'));
        onClose();
      },
      onError: (error) => {
        if (isStale(error)) {
          notifyError(t('work.stale'));
          void queryClient.invalidateQueries({ queryKey: dealKey(deal.id) });
          onClose();
          return;
        }
        setErrors(fromError(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <DealFields
          values={values}
          onChange={setValues}
          errors={errors}
          currency={deal.currency}
          canChooseOwner={canReassign(me)}
          withStage={false}
          amountFromLines={fromLines}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="deal-form-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
