import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { LeadDetail } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useQualifyLead } from './use-leads.ts';

type Answer = 'yes' | 'no' | 'unknown';
const QUALIFIABLE = ['new', 'working', 'qualified', 'unqualified'];

function toAnswer(value: boolean | null): Answer {
  return value === null ? 'unknown' : value ? 'yes' : 'no';
}

/** The organisation's checklist (BANT by default): every required item answered yes qualifies the lead. */
export function QualificationCard({ lead, editable }: { lead: LeadDetail; editable: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const qualify = useQualifyLead(lead.id);
  const items = lead.qualification.filter((item) => item.active || item.answer !== null);
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(items.map((item) => [item.code, toAnswer(item.answer)])),
  );
  const canChange = editable && QUALIFIABLE.includes(lead.status);
  const dirty = items.some((item) => answers[item.code] !== toAnswer(item.answer));
  const required = items.filter((item) => item.required && item.active);
  const met = required.filter((item) => answers[item.code] === 'yes').length;

  function save() {
    const body: Record<string, boolean> = {};
    for (const [code, answer] of Object.entries(answers)) if (answer !== 'unknown') body[code] = answer === 'yes';
    qualify.mutate(
      { answers: body, version: lead.version },
      {
        onSuccess: (saved) =>
          notifySuccess(
            saved.status === 'qualified' ? t('leads.qualification.qualified') : t('leads.qualification.saved'),
          ),
        onError: (error) => notifyError(isStale(error) ? t('work.stale') : errorMessage(error)),
      },
    );
  }

  return (
    <Card withBorder data-testid="lead-qualification">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('leads.qualification.title')}
        </Title>
        <Badge variant="light" color={met === required.length ? 'teal' : 'gray'}>
          {t('leads.qualification.progress', { met, total: required.length })}
        </Badge>
      </Group>
      <Stack gap="xs">
        {items.map((item) => (
          <Group key={item.code} justify="space-between" wrap="nowrap">
            <Text size="sm">
              {item.name}
              {item.required ? ' *' : ''}
            </Text>
            <SegmentedControl
              size="xs"
              disabled={!canChange}
              value={answers[item.code] ?? 'unknown'}
              onChange={(value) =>
                setAnswers((previous) => ({
                  ...previous,
                  [item.code]: value === 'yes' || value === 'no' ? value : 'unknown',
                }))
              }
              data={[
                { value: 'yes', label: t('crm.yes') },
                { value: 'no', label: t('crm.no') },
                { value: 'unknown', label: t('leads.qualification.unknown') },
              ]}
              data-testid={`lead-criterion-${item.code}`}
            />
          </Group>
        ))}
        {canChange && (
          <Button
            size="xs"
            onClick={save}
            disabled={!dirty}
            loading={qualify.isPending}
            style={{ alignSelf: 'flex-end' }}
            data-testid="lead-qualification-save"
          >
            {t('leads.qualification.save')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
