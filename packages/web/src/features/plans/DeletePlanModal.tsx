import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Plan } from '@pulse/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { deletePlan } from '../../api/plans.ts';
import { notifyError } from '../../shared/notify.ts';
import { PLANS_KEY, usePlanErrorMessage } from './use-plans.ts';

/** Asks before deleting a draft that was never approved, then goes back to the plans list. */
export function DeletePlanModal(props: { opened: boolean; onClose(): void; planId: string; planName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const message = usePlanErrorMessage();
  const remove = useMutation({
    mutationFn: () => deletePlan(props.planId),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: [...PLANS_KEY, 'one', props.planId] });
      // The list drops the plan at once rather than showing it until the reload answers.
      queryClient.setQueryData<Plan[]>([...PLANS_KEY, 'list'], (plans) =>
        plans?.filter((plan) => plan.id !== props.planId),
      );
      void queryClient.invalidateQueries({ queryKey: [...PLANS_KEY, 'list'] });
      void navigate('/plans');
    },
    onError: (error) => notifyError(message(error)),
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('plans.delete')}>
      <Stack gap="sm">
        <Text size="sm">{t('plans.deleteConfirm', { name: props.planName })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => remove.mutate()}
            loading={remove.isPending}
            data-testid="plan-delete-confirm"
          >
            {t('plans.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
