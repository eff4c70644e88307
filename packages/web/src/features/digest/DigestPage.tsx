import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  Collapse,
  CopyButton,
  Group,
  List,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { Digest, DigestRep } from '@pulse/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { flagHref, formatFlagFigure, formatRatioPercent, repCardPath } from '../dashboard/dashboard-values.ts';
import { useValueFormat } from '../dashboard/KpiCellView.tsx';
import { FigureLink, LightBadge } from '../my-figures/KpiFigure.tsx';
import { useKpiFigure } from '../my-figures/use-kpi-figure.ts';
import { flagValues } from './flag-values.ts';
import { useDigest } from './use-digest.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The head's morning digest for a chosen morning, drawn from its content in the reader's language:
 * yesterday's amber and red KPIs per rep, today's red flags, plan attainment month to date; the
 * e-mail's plain text can be copied. Sending it by e-mail comes later.
 */
export function DigestPage() {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const digest = useDigest(DAY.test(date) ? date : null);
  return (
    <Stack gap="md" data-testid="digest">
      <PageTitle>{t('digest.title')}</PageTitle>
      <Alert variant="light" color="blue" data-testid="digest-note">
        {t('digest.note')}
      </Alert>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('digest.date')}
          value={date || digest.data?.date || ''}
          onChange={(event) => setDate(event.currentTarget.value)}
          data-testid="digest-date"
        />
      </Group>
      {digest.isPending ? (
        <CenteredLoader />
      ) : digest.isError && !digest.data ? (
        <QueryError error={digest.error} onRetry={() => void digest.refetch()} />
      ) : (
        <DigestView digest={digest.data} />
      )}
    </Stack>
  );
}

function DigestView({ digest }: { digest: Digest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [showText, setShowText] = useState(false);
  return (
    <Card withBorder padding="md" data-testid="digest-body" data-date={digest.date}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" data-testid="digest-subject">
            {digest.subject}
          </Title>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setShowText((shown) => !shown)} aria-expanded={showText}>
              {t('digest.showText')}
            </Button>
            <CopyButton value={digest.text}>
              {({ copied, copy }) => (
                <Button size="xs" color={copied ? 'teal' : undefined} onClick={copy} data-testid="digest-copy">
                  {copied ? t('digest.copied') : t('digest.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Group>
        <Collapse expanded={showText}>
          <Code block data-testid="digest-text">
            {digest.text}
          </Code>
        </Collapse>
        <Stack gap="xs">
          <Title order={3} size="h5">
            {t('digest.yesterday', { day: format.day(digest.yesterday) })}
          </Title>
          {digest.reps.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="digest-all-green">
              {t('digest.allGreen')}
            </Text>
          ) : (
            digest.reps.map((rep) => <RepCells key={rep.userId} rep={rep} />)
          )}
        </Stack>
        <DigestFlags digest={digest} />
        <DigestPlan digest={digest} />
      </Stack>
    </Card>
  );
}

function RepCells({ rep }: { rep: DigestRep }) {
  const { t } = useTranslation();
  const { figure } = useKpiFigure();
  return (
    <Stack gap={4} data-testid="digest-rep" data-user={rep.userId}>
      <Anchor component={Link} to={repCardPath(rep.userId)} fw={600} size="sm" data-testid="digest-rep-card">
        {rep.fullName}
      </Anchor>
      <List spacing={2} size="sm">
        {rep.cells.map((cell) => {
          const name = t(`kpi.names.${cell.kpiId}`);
          return (
            <List.Item key={cell.kpiId} data-testid="digest-cell" data-kpi={cell.kpiId}>
              <Group gap="xs">
                <Text size="sm">{name}:</Text>
                <FigureLink
                  text={t('digest.valueOfTarget', {
                    value: figure(cell.kpiId, cell.value),
                    target: figure(cell.kpiId, cell.target),
                  })}
                  drillDown={cell.drillDown}
                  label={t('myFigures.open', { kpi: name })}
                />
                <LightBadge light={cell.light} />
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

function DigestFlags({ digest }: { digest: Digest }) {
  const { t } = useTranslation();
  const valueFormat = useValueFormat();
  return (
    <Stack gap="xs" data-testid="digest-flags">
      <Title order={3} size="h5">
        {t('digest.flags')}
      </Title>
      {digest.flags.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('digest.noFlags')}
        </Text>
      ) : (
        <List spacing={2} size="sm">
          {digest.flags.map((flag) => {
            const path = flagHref(flag);
            const values = flagValues(flag, (unit, value) => formatFlagFigure(unit, value, valueFormat));
            return (
              <List.Item key={`${flag.kind}:${flag.user.id}`} data-testid="digest-flag" data-kind={flag.kind}>
                <Text span size="sm" fw={600}>
                  {flag.user.fullName}
                </Text>
                : {t(`digest.flagKinds.${flag.kind}`, values)}
                {path && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={path} size="sm">
                      {t('digest.open')}
                    </Anchor>
                  </>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}

function DigestPlan({ digest }: { digest: Digest }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="xs" data-testid="digest-plan">
      <Title order={3} size="h5">
        {t('digest.plan')}
      </Title>
      {digest.plan.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('digest.noPlan')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('digest.line')}</Table.Th>
                <Table.Th ta="right">{t('digest.fact')}</Table.Th>
                <Table.Th ta="right">{t('digest.planned')}</Table.Th>
                <Table.Th ta="right">{t('digest.attainment')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {digest.plan.map((line) => (
                <Table.Tr
                  key={`${line.kind}:${line.subjectId}:${line.lineId}`}
                  data-testid="digest-plan-line"
                  data-kind={line.kind}
                >
                  <Table.Td fw={line.kind === 'unit' ? 600 : undefined}>{line.name}</Table.Td>
                  <Table.Td ta="right">{format.moneyShort(line.factMinor, line.currency)}</Table.Td>
                  <Table.Td ta="right">{format.moneyShort(line.planMinor, line.currency)}</Table.Td>
                  <Table.Td ta="right">
                    {line.attainment === null ? t('common.none') : formatRatioPercent(line.attainment, format.locale)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
