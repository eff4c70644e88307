import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { KpiCatalogEntry, KpiTarget, KpiTargetGrain } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { UserPicker } from '../people/UserPicker.tsx';
import { useUnits } from '../structure/use-units.ts';
import { targetRefusals } from './kpi-target-errors.ts';
import { defaultAmber, figureText, inputUnitOf, monthSpan, parseFigure, weekOf } from './kpi-target-values.ts';
import { useCreateKpiTarget, useUpdateKpiTarget } from './use-kpi-targets.ts';

interface KpiTargetFormModalProps {
  /** `{ target: null }` creates a target; a target edits it. */
  editing: { target: KpiTarget | null } | null;
  catalog: readonly KpiCatalogEntry[];
  onClose(): void;
}

/** A KPI target: the KPI, whose it is, the grain and span, the figure and its thresholds. */
export function KpiTargetFormModal({ editing, catalog, onClose }: KpiTargetFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={editing !== null}
      onClose={onClose}
      title={editing?.target ? t('kpiTargets.edit') : t('kpiTargets.create')}
      size="lg"
    >
      {editing && <KpiTargetForm target={editing.target} catalog={catalog} onClose={onClose} />}
    </Modal>
  );
}

type FigureField = 'target' | 'greenAt' | 'amberAt';
type Errors = Partial<Record<string, string>>;

function KpiTargetForm({
  target,
  catalog,
  onClose,
}: {
  target: KpiTarget | null;
  catalog: readonly KpiCatalogEntry[];
  onClose(): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const currency = me.organization.currency;
  const errorMessage = useErrorMessage();
  const { fromError } = useFieldErrors();
  const units = useUnits();
  const create = useCreateKpiTarget();
  const update = useUpdateKpiTarget();
  const targetable = catalog.filter((kpi) => kpi.targetable);
  const [kpiId, setKpiId] = useState<string>(target?.kpiId ?? targetable[0]?.id ?? '');
  const kpi = catalog.find((entry) => entry.id === kpiId);
  const [subjectKind, setSubjectKind] = useState<'user' | 'unit'>(target?.unitId ? 'unit' : 'user');
  const [userId, setUserId] = useState<string | null>(target?.userId ?? null);
  const [unitId, setUnitId] = useState<string | null>(target?.unitId ?? null);
  const [grain, setGrain] = useState<KpiTargetGrain>(target?.grain ?? 'month');
  const [periodFrom, setPeriodFrom] = useState(target?.periodFrom ?? '');
  const [periodTo, setPeriodTo] = useState(target?.periodTo ?? '');
  const text = (value: number | undefined) =>
    value === undefined || !kpi ? '' : figureText(kpi.unit, value, currency);
  const [figures, setFigures] = useState<Record<FigureField, string>>({
    target: text(target?.target),
    greenAt: text(target?.greenAt),
    amberAt: text(target?.amberAt),
  });
  // Thresholds follow the target until the user types one of them.
  const [thresholdsTouched, setThresholdsTouched] = useState(target !== null);
  const [errors, setErrors] = useState<Errors>({});

  function setFigure(field: FigureField, value: string) {
    if (field !== 'target') {
      setThresholdsTouched(true);
      setFigures((current) => ({ ...current, [field]: value }));
      return;
    }
    const parsed = kpi ? parseFigure(kpi.unit, value, currency) : null;
    setFigures((current) =>
      thresholdsTouched || !kpi || parsed === null
        ? { ...current, target: value }
        : {
            target: value,
            greenAt: value,
            amberAt: figureText(kpi.unit, defaultAmber(kpi, parsed), currency),
          },
    );
  }

  function changeKpi(next: string | null) {
    if (!next) return;
    setKpiId(next);
    const entry = catalog.find((item) => item.id === next);
    if (entry && !entry.dailyTarget && grain === 'day') setGrain('month');
    setFigures({ target: '', greenAt: '', amberAt: '' });
    setThresholdsTouched(false);
  }

  /** A new grain snaps the span to whole periods of it, so the server's alignment rule holds. */
  function changeGrain(next: KpiTargetGrain) {
    setGrain(next);
    if (next === 'month') {
      if (periodFrom) setPeriodFrom(monthSpan(periodFrom.slice(0, 7)).from);
      if (periodTo) setPeriodTo(monthSpan(periodTo.slice(0, 7)).to);
    } else if (next === 'week') {
      if (periodFrom) setPeriodFrom(weekOf(periodFrom).from);
      if (periodTo) setPeriodTo(weekOf(periodTo).to);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!kpi) return;
    const found: Errors = {};
    const parsed = {} as Record<FigureField, number>;
    for (const field of ['target', 'greenAt', 'amberAt'] as const) {
      const value = parseFigure(kpi.unit, figures[field], currency);
      if (value === null) found[field] = t('kpiTargets.invalidFigure');
      else parsed[field] = value;
    }
    if (!periodFrom) found.periodFrom = t('validation.required');
    if (!periodTo) found.periodTo = t('validation.required');
    if (!target && subjectKind === 'user' && !userId) found.userId = t('validation.required');
    if (!target && subjectKind === 'unit' && !unitId) found.unitId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const done = () => {
      notifySuccess(t('kpiTargets.saved'));
      onClose();
    };
    const fail = (error: unknown) => {
      const refusals = targetRefusals(error);
      if (refusals) {
        const byField: Errors = {};
        for (const [field, reason] of Object.entries(refusals)) {
          if (reason) byField[field] = t(`kpiTargets.refusals.${reason}`);
        }
        setErrors(byField);
      } else {
        setErrors(fromError(error));
      }
      notifyError(errorMessage(error));
    };
    const span = { grain, periodFrom, periodTo, ...parsed };
    if (target) {
      update.mutate({ id: target.id, body: { version: target.version, ...span } }, { onSuccess: done, onError: fail });
      return;
    }
    const subject = subjectKind === 'user' ? { userId: userId ?? undefined } : { unitId: unitId ?? undefined };
    create.mutate({ kpiId, ...subject, ...span }, { onSuccess: done, onError: fail });
  }

  const suffix = kpi ? t(`kpiTargets.inputUnits.${inputUnitOf(kpi.unit)}`, { currency }) : '';
  const figureInput = (field: FigureField) => (
    <TextInput
      label={t(`kpiTargets.fields.${field}`)}
      value={figures[field]}
      onChange={(event) => setFigure(field, event.currentTarget.value)}
      inputMode="decimal"
      rightSection={
        <Text size="xs" c="dimmed">
          {suffix}
        </Text>
      }
      rightSectionWidth={64}
      error={errors[field]}
      required
      data-testid={`kpi-target-form-${field}`}
    />
  );
  const monthly = grain === 'month';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Select
          label={t('kpiTargets.fields.kpi')}
          data={targetable.map((entry) => ({ value: entry.id, label: t(`kpi.names.${entry.id}`) }))}
          value={kpiId}
          onChange={changeKpi}
          error={errors.kpiId}
          disabled={target !== null}
          allowDeselect={false}
          searchable
          data-testid="kpi-target-form-kpi"
        />
        {kpi && (
          <Text size="sm" c="dimmed">
            {t(`kpiTargets.direction.${kpi.direction}`)}
          </Text>
        )}
        <SegmentedControl
          value={subjectKind}
          onChange={(value) => setSubjectKind(value === 'unit' ? 'unit' : 'user')}
          data={[
            { value: 'user', label: t('kpiTargets.subject.user') },
            { value: 'unit', label: t('kpiTargets.subject.unit') },
          ]}
          disabled={target !== null}
          data-testid="kpi-target-form-subject-kind"
        />
        {subjectKind === 'user' ? (
          target ? (
            <TextInput label={t('kpiTargets.subject.user')} value={target.subjectName} disabled />
          ) : (
            <UserPicker
              label={t('kpiTargets.subject.user')}
              value={userId}
              onChange={setUserId}
              error={errors.userId}
              data-testid="kpi-target-form-user"
            />
          )
        ) : (
          <Select
            label={t('kpiTargets.subject.unit')}
            data={(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitId}
            onChange={setUnitId}
            error={errors.unitId}
            disabled={target !== null}
            searchable
            data-testid="kpi-target-form-unit"
          />
        )}
        <Select
          label={t('kpiTargets.fields.grain')}
          data={(['day', 'week', 'month'] as const).map((value) => ({
            value,
            label: t(`kpiTargets.grains.${value}`),
            disabled: value === 'day' && kpi !== undefined && !kpi.dailyTarget,
          }))}
          value={grain}
          onChange={(value) => value && changeGrain(value as KpiTargetGrain)}
          error={errors.grain}
          allowDeselect={false}
          data-testid="kpi-target-form-grain"
        />
        <SimpleGrid cols={2}>
          <TextInput
            type={monthly ? 'month' : 'date'}
            label={t('kpiTargets.fields.periodFrom')}
            value={monthly ? periodFrom.slice(0, 7) : periodFrom}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (!value) return setPeriodFrom('');
              setPeriodFrom(monthly ? monthSpan(value).from : grain === 'week' ? weekOf(value).from : value);
            }}
            error={errors.periodFrom}
            description={grain === 'week' ? t('kpiTargets.weekHint') : undefined}
            required
            data-testid="kpi-target-form-from"
          />
          <TextInput
            type={monthly ? 'month' : 'date'}
            label={t('kpiTargets.fields.periodTo')}
            value={monthly ? periodTo.slice(0, 7) : periodTo}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (!value) return setPeriodTo('');
              setPeriodTo(monthly ? monthSpan(value).to : grain === 'week' ? weekOf(value).to : value);
            }}
            error={errors.periodTo}
            required
            data-testid="kpi-target-form-to"
          />
        </SimpleGrid>
        <SimpleGrid cols={3}>
          {figureInput('target')}
          {figureInput('greenAt')}
          {figureInput('amberAt')}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('kpiTargets.thresholdsHint')}
        </Text>
        {errors.version && (
          <Text size="sm" c="red">
            {errors.version}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="kpi-target-form-submit">
            {target ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
