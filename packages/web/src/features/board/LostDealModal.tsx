import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompetitors, useLostReasons } from '../deals/use-pipelines.ts';
import type { LostDetails } from './use-board.ts';

interface LostDealModalProps {
  /** The deal being closed as lost, or null when the dialog is shut. */
  dealTitle: string | null;
  onCancel(): void;
  onConfirm(details: LostDetails): void;
}

/** A lost deal needs a reason from the list; the competitor who won and a comment are optional. */
export function LostDealModal({ dealTitle, onCancel, onConfirm }: LostDealModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={dealTitle !== null} onClose={onCancel} title={t('board.lost.title', { title: dealTitle ?? '' })}>
      {dealTitle !== null && <LostForm onCancel={onCancel} onConfirm={onConfirm} />}
    </Modal>
  );
}

function LostForm({ onCancel, onConfirm }: Omit<LostDealModalProps, 'dealTitle'>) {
  const { t } = useTranslation();
  const reasons = useLostReasons();
  const competitors = useCompetitors();
  const [reasonId, setReasonId] = useState<string | null>(null);
  const [competitorId, setCompetitorId] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reasonId) {
      setMissing(true);
      return;
    }
    onConfirm({ lostReasonId: reasonId, competitorId, lostComment: comment.trim() || null });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('deals.fields.lostReason')}
          data={(reasons.data ?? []).map((reason) => ({ value: reason.id, label: reason.name }))}
          value={reasonId}
          onChange={setReasonId}
          required
          error={missing ? t('validation.required') : undefined}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
          data-testid="lost-reason"
        />
        <Select
          label={t('deals.fields.competitor')}
          placeholder={t('board.lost.noCompetitor')}
          data={(competitors.data ?? []).map((competitor) => ({ value: competitor.id, label: competitor.name }))}
          value={competitorId}
          onChange={setCompetitorId}
          clearable
          searchable
          comboboxProps={{ withinPortal: true }}
          data-testid="lost-competitor"
        />
        <Textarea
          label={t('deals.fields.lostComment')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" data-testid="lost-confirm">
            {t('board.lost.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
