import { ActionIcon, Anchor, Card, Group, Menu, Stack, Text } from '@mantine/core';
import type { BoardDeal, PipelineStage } from '@pulse/contracts';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../shared/use-format.ts';
import { RECORD_PATHS } from '../crm/RecordLink.tsx';
import { DealFlags } from '../deals/DealFlags.tsx';

/** The drag payload type: only Pulse deal cards are accepted by columns. */
export const DEAL_DRAG_TYPE = 'application/x-pulse-deal';

interface DealCardProps {
  deal: BoardDeal;
  stage: PipelineStage;
  stages: readonly PipelineStage[];
  /** Whether this card should take the focus (it was just moved with the keyboard). */
  focused: boolean;
  canMove: boolean;
  onMove(deal: BoardDeal, to: PipelineStage): void;
  onMoveBy(deal: BoardDeal, step: 1 | -1): void;
  onDragStart(deal: BoardDeal): void;
}

/**
 * A deal on the board. Drag it to another column, or focus it and press Shift+→ / Shift+← to
 * move it one stage, M to open "Move to…", Enter to open the deal.
 */
export function DealCard({ deal, stage, stages, focused, canMove, onMove, onMoveBy, onDragStart }: DealCardProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const ref = useRef<HTMLDivElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    if (focused) ref.current?.focus();
  }, [focused]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void navigate(RECORD_PATHS.deal(deal.id));
    } else if (canMove && event.shiftKey && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      event.preventDefault();
      onMoveBy(deal, event.key === 'ArrowRight' ? 1 : -1);
    } else if (canMove && (event.key === 'm' || event.key === 'M' || event.key === 'ь' || event.key === 'Ь')) {
      event.preventDefault();
      setMenuOpen(true);
    }
  }

  return (
    <Card
      ref={ref}
      withBorder
      padding="xs"
      draggable={canMove}
      tabIndex={0}
      role="group"
      aria-roledescription={t('board.card')}
      aria-label={t('board.cardLabel', { title: deal.title, stage: stage.name })}
      aria-keyshortcuts={canMove ? 'Shift+ArrowRight Shift+ArrowLeft M Enter' : 'Enter'}
      onKeyDown={onKeyDown}
      onDragStart={(event) => {
        event.dataTransfer.setData(DEAL_DRAG_TYPE, deal.id);
        event.dataTransfer.setData('text/plain', deal.title);
        event.dataTransfer.effectAllowed = 'move';
        onDragStart(deal);
      }}
      style={{ cursor: canMove ? 'grab' : undefined }}
      data-testid={`board-card-${deal.id}`}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap={4}>
          <Anchor component={Link} to={RECORD_PATHS.deal(deal.id)} size="sm" fw={500} tabIndex={-1} lineClamp={2}>
            {deal.title}
          </Anchor>
          {canMove && (
            <Menu opened={menuOpen} onChange={setMenuOpen} position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={t('board.moveTo', { title: deal.title })}
                  data-testid={`board-card-menu-${deal.id}`}
                >
                  ⋯
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('board.moveToLabel')}</Menu.Label>
                {stages
                  .filter((candidate) => candidate.id !== stage.id)
                  .map((candidate) => (
                    <Menu.Item
                      key={candidate.id}
                      color={candidate.kind === 'lost' ? 'red' : candidate.kind === 'won' ? 'teal' : undefined}
                      onClick={() => onMove(deal, candidate)}
                      data-testid={`board-move-${deal.id}-${candidate.id}`}
                    >
                      {candidate.name}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="sm" fw={600} data-testid={`board-card-amount-${deal.id}`}>
          {format.money(deal.amountMinor, deal.currency)}
        </Text>
        {deal.companyName && (
          <Text size="xs" c="dimmed" truncate>
            {deal.companyName}
          </Text>
        )}
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed" truncate>
            {deal.ownerName}
          </Text>
          {deal.expectedCloseDate && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {format.day(deal.expectedCloseDate)}
            </Text>
          )}
        </Group>
        <DealFlags isRotting={deal.isRotting} noNextStep={deal.noNextStep} testId={`board-card-${deal.id}`} />
      </Stack>
    </Card>
  );
}
