import { Badge, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { KpiTargetGrain, RepCard } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { todayIn, useFormat } from '../../shared/use-format.ts';
import { ComparisonLists, FunnelTable, KpiCharts, KpiTiles } from './RepCardSections.tsx';
import {
  type CardPeriod,
  cardPeriodFromUrl,
  cardPeriodToUrl,
  defaultGrain,
  GRAINS,
  type PeriodPreset,
  PRESETS,
  presetRange,
} from './rep-card-values.ts';
import { useRepCard } from './use-rep-card.ts';

/**
 * One person's KPIs over a period beside their team's median — tiles with targets, charts, the
 * funnel, strengths and weaknesses — for the head's one-to-ones.
 */
export function RepCardPage() {
  const { userId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const today = todayIn(format.timeZone);
  // The period lives in the URL, so a reload, a shared link or the back button keeps it.
  const [params, setParams] = useSearchParams();
  const { preset, range, grain } = cardPeriodFromUrl(params, today);
  const setPeriod = (next: CardPeriod) => setParams(cardPeriodToUrl(next), { replace: true });
  const setRange = (next: CardPeriod['range']) => setPeriod({ preset, range: next, grain });
  const setGrain = (next: KpiTargetGrain) => setPeriod({ preset, range, grain: next });
  const valid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const card = useRepCard(userId, { ...range, grain });

  const choosePreset = (value: PeriodPreset) => {
    // Custom starts from the days shown, which the user then edits.
    const next = value === 'custom' ? range : presetRange(value, today);
    setPeriod({ preset: value, range: next, grain: defaultGrain(next) });
  };

  return (
    <Stack gap="md">
      {card.data ? <CardHeader card={card.data} /> : <PageTitle>{t('repCard.title')}</PageTitle>}
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Select
          label={t('repCard.period')}
          data={PRESETS.map((p) => ({ value: p, label: t(`repCard.presets.${p}`) }))}
          value={preset}
          onChange={(value) => value && choosePreset(value as PeriodPreset)}
          allowDeselect={false}
          w={200}
          data-testid="rep-card-preset"
        />
        {preset === 'custom' && (
          <>
            <TextInput
              type="date"
              label={t('repCard.from')}
              value={range.from}
              onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
              error={valid ? undefined : t('repCard.badPeriod')}
            />
            <TextInput
              type="date"
              label={t('repCard.to')}
              value={range.to}
              onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
            />
          </>
        )}
        <SegmentedControl
          aria-label={t('repCard.grain')}
          data={GRAINS.map((g) => ({ value: g, label: t(`repCard.grains.${g}`) }))}
          value={grain}
          onChange={(value) => setGrain(value as KpiTargetGrain)}
        />
      </Group>
      {!valid ? null : card.isPending ? (
        <CenteredLoader />
      ) : card.isError ? (
        <QueryError error={card.error} onRetry={() => void card.refetch()} />
      ) : (
        <CardBody card={card.data} />
      )}
    </Stack>
  );
}

function CardHeader({ card }: { card: RepCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { rep } = card;
  return (
    <Stack gap={4}>
      <PageTitle>{t('repCard.titleOf', { name: rep.fullName })}</PageTitle>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          {[t(`roles.${rep.role}`), rep.unitName ?? t('common.none')].join(' · ')}
        </Text>
        {rep.hireDate && (
          <Text size="sm" c="dimmed">
            · {t('repCard.hired', { date: format.day(rep.hireDate) })}
          </Text>
        )}
        {!rep.active && <Badge color="gray">{t('repCard.inactive')}</Badge>}
      </Group>
      <Text size="sm" c="dimmed" data-testid="rep-card-team">
        {card.team.length === 0
          ? t('repCard.noTeam')
          : t('repCard.teamOf', { names: card.team.map((m) => m.fullName).join(', ') })}
      </Text>
    </Stack>
  );
}

function CardBody({ card }: { card: RepCard }) {
  return (
    <Stack gap="lg">
      <KpiTiles card={card} />
      <ComparisonLists card={card} />
      <KpiCharts card={card} />
      <FunnelTable card={card} />
    </Stack>
  );
}
