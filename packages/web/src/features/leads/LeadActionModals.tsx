import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import type { LeadDetail } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { unitOptions } from '../structure/unit-options.ts';
import { useUnits } from '../structure/use-units.ts';
import { useDisqualifyLead, useHandOffLead } from './use-leads.ts';

function useFail() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (error: unknown) => notifyError(isStale(error) ? t('work.stale') : errorMessage(error));
}

/** Marks the lead unqualified, with why. */
export function DisqualifyModal({ lead, opened, onClose }: { lead: LeadDetail; opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const disqualify = useDisqualifyLead(lead.id);
  const fail = useFail();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.disqualify.title')}>
      <Stack gap="sm">
        <Textarea
          label={t('leads.fields.unqualifiedReason')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={missing ? t('validation.required') : undefined}
          required
          data-autofocus
          data-testid="lead-disqualify-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={disqualify.isPending}
            onClick={() => {
              if (!reason.trim()) return setMissing(true);
              disqualify.mutate(
                { reason: reason.trim(), version: lead.version },
                {
                  onSuccess: () => {
                    notifySuccess(t('leads.disqualify.done'));
                    onClose();
                  },
                  onError: fail,
                },
              );
            }}
            data-testid="lead-disqualify-confirm"
          >
            {t('leads.disqualify.action')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Hands a qualified lead to a sales manager: picked by hand, or by round-robin within a team. */
export function HandOffModal({ lead, opened, onClose }: { lead: LeadDetail; opened: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const handOff = useHandOffLead(lead.id);
  const fail = useFail();
  const [mode, setMode] = useState<'manual' | 'roundRobin'>('roundRobin');
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(lead.unitId);
  const ready = mode === 'manual' ? Boolean(assigneeId) : Boolean(unitId);
  return (
    <Modal opened={opened} onClose={onClose} title={t('leads.handOff.title')}>
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(value) => setMode(value === 'manual' ? 'manual' : 'roundRobin')}
          data={[
            { value: 'roundRobin', label: t('leads.handOff.roundRobin') },
            { value: 'manual', label: t('leads.handOff.manual') },
          ]}
          data-testid="lead-handoff-mode"
        />
        {mode === 'manual' ? (
          <UserPicker
            label={t('leads.fields.assignee')}
            value={assigneeId}
            onChange={setAssigneeId}
            onlyRole="sales_manager"
            data-testid="lead-handoff-assignee"
          />
        ) : (
          <Select
            label={t('leads.handOff.team')}
            description={t('leads.handOff.teamHint')}
            data={unitOptions(units.data ?? [], i18n.language)}
            value={unitId}
            onChange={setUnitId}
            data-testid="lead-handoff-unit"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ready}
            loading={handOff.isPending}
            onClick={() =>
              handOff.mutate(
                mode === 'manual'
                  ? { assigneeId: assigneeId ?? undefined, version: lead.version }
                  : { unitId: unitId ?? undefined, version: lead.version },
                {
                  onSuccess: (saved) => {
                    notifySuccess(t('leads.handOff.done', { name: saved.assignee?.fullName ?? '' }));
                    onClose();
                  },
                  onError: fail,
                },
              )
            }
            data-testid="lead-handoff-confirm"
          >
            {t('leads.handOff.action')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
