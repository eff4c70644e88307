import { Button, Center, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useIntersection } from '@mantine/hooks';
import { AuditAction } from '@pulse/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditActionValue, AuditFilters } from '../../api/audit.ts';
import { CenteredLoader } from '../../shared/CenteredLoader.tsx';
import { addDays, startOfDayInstant } from '../../shared/format.ts';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { useMe } from '../auth/session.tsx';
import { UserPicker } from '../people/UserPicker.tsx';
import { AuditTable } from './AuditTable.tsx';
import { entityLabel, KNOWN_ENTITIES } from './audit-labels.ts';
import { useAuditLog } from './use-audit.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [entity, setEntity] = useState<string | null>(null);
  const [entityIdInput, setEntityIdInput] = useState('');
  const [entityId] = useDebouncedValue(entityIdInput.trim(), 300);
  const [action, setAction] = useState<AuditActionValue | undefined>();
  const [actorId, setActorId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  // Days are read in the viewer's time zone; `to` covers the whole of its day.
  const filters: AuditFilters = {
    entity: entity ?? undefined,
    entityId: entityId || undefined,
    action,
    actorId: actorId ?? undefined,
    from: DAY.test(from) ? startOfDayInstant(from, me.user.timeZone) : undefined,
    to: DAY.test(to) ? startOfDayInstant(addDays(to, 1), me.user.timeZone) : undefined,
  };
  const log = useAuditLog(filters);
  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.items) ?? [], [log.data]);
  const { ref: sentinel, entry: visible } = useIntersection({ rootMargin: '200px' });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = log;

  useEffect(() => {
    if (visible?.isIntersecting && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [visible?.isIntersecting, hasNextPage, isFetchingNextPage, fetchNextPage]);

  const clear = () => {
    setEntity(null);
    setEntityIdInput('');
    setAction(undefined);
    setActorId(null);
    setFrom('');
    setTo('');
  };

  return (
    <Stack gap="md">
      <PageTitle>{t('audit.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 6 }} spacing="sm" data-testid="audit-filters">
        <Select
          label={t('audit.filters.entity')}
          placeholder={t('audit.filters.anyEntity')}
          data={KNOWN_ENTITIES.map((value) => ({ value, label: entityLabel(t, value) }))}
          value={entity}
          onChange={setEntity}
          clearable
          data-testid="audit-entity"
        />
        <TextInput
          label={t('audit.filters.entityId')}
          value={entityIdInput}
          onChange={(event) => setEntityIdInput(event.currentTarget.value)}
          data-testid="audit-entity-id"
        />
        <Select
          label={t('audit.filters.action')}
          placeholder={t('audit.filters.anyAction')}
          data={AuditAction.options.map((value) => ({ value, label: t(`audit.actions.${value}`) }))}
          value={action ?? null}
          onChange={(value) => {
            const parsed = AuditAction.safeParse(value);
            setAction(parsed.success ? parsed.data : undefined);
          }}
          clearable
          data-testid="audit-action"
        />
        <UserPicker
          label={t('audit.filters.actor')}
          value={actorId}
          onChange={setActorId}
          includeInactive
          data-testid="audit-actor"
        />
        <TextInput
          label={t('audit.filters.from')}
          type="date"
          value={from}
          max={to || undefined}
          onChange={(event) => setFrom(event.currentTarget.value)}
          data-testid="audit-from"
        />
        <TextInput
          label={t('audit.filters.to')}
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.currentTarget.value)}
          data-testid="audit-to"
        />
      </SimpleGrid>
      <Group justify="flex-end">
        <Button variant="subtle" size="xs" onClick={clear}>
          {t('common.reset')}
        </Button>
      </Group>
      {log.isPending && <CenteredLoader />}
      {log.isError && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && <AuditTable entries={entries} />}
      <Center ref={sentinel} mih={40}>
        {hasNextPage ? (
          <Button variant="subtle" loading={isFetchingNextPage} onClick={() => void fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        ) : (
          entries.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('common.endOfList')}
            </Text>
          )
        )}
      </Center>
    </Stack>
  );
}
