import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { PlanDetails } from '@pulse/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFormat } from '../../shared/use-format.ts';
import { parseCoefficients } from './plan-form.ts';
import { SeasonalityChart } from './SeasonalityChart.tsx';
import { usePlanMutations, useSeasonalityHistory } from './use-plans.ts';

function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2027, i, 1))));
}

const asText = (coefficients: readonly number[]) => coefficients.map((c) => String(Math.round(c * 1000) / 1000));

/** Seasonality: the history it came from, the coefficients as a line over it, and hand edits. */
export function SeasonalityCard(props: { plan: PlanDetails; version: number; editable: boolean }) {
  const { plan, version, editable } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const history = useSeasonalityHistory(plan.id);
  const mutations = usePlanMutations(plan.id);
  const [texts, setTexts] = useState(() => asText(plan.seasonality.coefficients));
  const [invalid, setInvalid] = useState(false);
  const saved = plan.seasonality.coefficients.join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset the boxes only when the saved coefficients change
  useEffect(() => setTexts(asText(plan.seasonality.coefficients)), [saved]);
  const names = useMemo(() => monthNames(format.locale), [format.locale]);
  const months = history.data?.computed.months;
  const coefficients = plan.seasonality.coefficients;
  // Memoised so typing in the coefficient boxes below does not redraw the chart.
  const points = useMemo(
    () =>
      names.map((label, i) => ({
        label,
        revenueMinor: months?.[i]?.meanRevenueMinor ?? null,
        coefficient: coefficients[i] ?? 1,
      })),
    [names, months, coefficients],
  );

  const save = () => {
    const coefficients = parseCoefficients(texts);
    setInvalid(coefficients === null);
    if (coefficients) mutations.update.mutate({ version, seasonality: { coefficients } });
  };

  const flatReason = plan.seasonality.basis === 'flat' ? plan.seasonality.flatReason : null;
  return (
    <Card withBorder padding="md" data-testid="seasonality-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('plans.seasonality.title')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="seasonality-basis">
            {t(`plans.seasonality.basis.${plan.seasonality.basis}`)}
          </Text>
        </Group>
        {flatReason && (
          <Alert color="yellow" data-testid="seasonality-flat">
            {t('plans.seasonality.flatBecause', { reason: t(`plans.seasonality.flatReasons.${flatReason}`) })}
          </Alert>
        )}
        {history.isPending ? (
          <CenteredLoader minHeight={120} />
        ) : history.isError ? (
          <QueryError error={history.error} onRetry={() => void history.refetch()} />
        ) : (
          <>
            <SeasonalityChart title={t('plans.seasonality.chart')} points={points} />
            <Text size="xs" c="dimmed">
              {t('plans.seasonality.legend', { count: history.data.computed.monthsUsed })}
            </Text>
          </>
        )}
        <SimpleGrid cols={{ base: 4, md: 12 }} spacing={4}>
          {names.map((label, i) => (
            <TextInput
              key={label}
              label={label}
              size="xs"
              value={texts[i] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setTexts((current) => current.map((text, j) => (j === i ? value : text)));
              }}
              disabled={!editable}
              inputMode="decimal"
              data-testid={`seasonality-coefficient-${i}`}
            />
          ))}
        </SimpleGrid>
        {invalid && (
          <Text size="sm" c="red" role="alert">
            {t('plans.seasonality.invalid')}
          </Text>
        )}
        {editable && (
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => mutations.fromHistory.mutate(version)}
              loading={mutations.fromHistory.isPending}
              disabled={mutations.busy}
              data-testid="seasonality-from-history"
            >
              {t('plans.seasonality.fromHistory')}
            </Button>
            <Button
              onClick={save}
              loading={mutations.update.isPending}
              disabled={mutations.busy}
              data-testid="seasonality-save"
            >
              {t('plans.seasonality.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
