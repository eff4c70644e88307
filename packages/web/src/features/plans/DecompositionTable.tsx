import { Box, Select, Table, Text } from '@mantine/core';
import type { PlanLine, WeightMethod } from '@pulse/contracts';
import { useTranslation } from 'react-i18next';
import { moneyText } from '../../shared/MoneyInput.tsx';
import { parseMoneyInput } from '../../shared/money.ts';
import { useFormat } from '../../shared/use-format.ts';
import { CommitInput } from './CommitInput.tsx';
import {
  type Dimension,
  flattenTree,
  type Scenario,
  scenarioMinor,
  type TreeRow,
  targetTotals,
  treeTotals,
} from './plan-tree.ts';

const METHODS: readonly WeightMethod[] = ['equal', 'last-year', 'manual'];
/** The line's name stays in view while the months scroll sideways. */
const STICKY = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' } as const;

export interface LineChange {
  lineId: string;
  split?: WeightMethod;
  weight?: number | null;
  bottomUpMinor?: number | null;
}

interface DecompositionTableProps {
  lines: readonly PlanLine[];
  dimension: Dimension;
  scenario: Scenario;
  currency: string;
  editable: boolean;
  onChange(change: LineChange): void;
  onInvalid(): void;
}

/** A count of deals in the viewer's digit grouping. */
function countText(count: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}

function monthLabel(month: string, locale: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 2000, (index ?? 1) - 1, 1)),
  );
}

/**
 * One tree of the decomposition: a row per line indented by depth, months as columns and the
 * year total, in the chosen scenario; split method and hand weights per line, and the bottom-up
 * figure of a leaf with its difference to the top-down one. A plan with a deals or margin target
 * shows each line's year share of it in a column of its own (the same in every scenario tab).
 */
export function DecompositionTable(props: DecompositionTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = flattenTree(props.lines, props.dimension);
  const byId = new Map(props.lines.map((line) => [line.id, line]));
  const months = rows[0]?.line.months.map((m) => m.month) ?? [];
  const totals = treeTotals(rows, props.scenario);
  const bottomUp = props.dimension === 'structure';
  const targets = targetTotals(rows);
  const show = { deals: targets.deals !== null, margin: targets.marginMinor !== null };

  if (rows.length === 0) return <Text c="dimmed">{t('plans.decomposition.emptyTree')}</Text>;
  return (
    <Table.ScrollContainer minWidth={900 + months.length * 90}>
      <Table striped withColumnBorders fz="xs" data-testid={`plan-tree-${props.dimension}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={220} style={STICKY}>
              {t('plans.decomposition.line')}
            </Table.Th>
            <Table.Th>{t('plans.decomposition.split')}</Table.Th>
            <Table.Th>{t('plans.decomposition.weight')}</Table.Th>
            {months.map((month) => (
              <Table.Th key={month} ta="right">
                {monthLabel(month, format.locale)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('plans.decomposition.year')}</Table.Th>
            {show.deals && <Table.Th ta="right">{t('plans.decomposition.deals')}</Table.Th>}
            {show.margin && <Table.Th ta="right">{t('plans.decomposition.margin')}</Table.Th>}
            {bottomUp && <Table.Th>{t('plans.decomposition.bottomUp')}</Table.Th>}
            {bottomUp && <Table.Th ta="right">{t('plans.decomposition.difference')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <LineRow
              key={row.line.id}
              row={row}
              parent={row.line.parentId ? byId.get(row.line.parentId) : undefined}
              bottomUp={bottomUp}
              show={show}
              {...props}
            />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td style={STICKY}>{t('plans.decomposition.total')}</Table.Td>
            <Table.Td colSpan={2} />
            {totals.months.map((minor, i) => (
              <Table.Td key={months[i] ?? i} ta="right">
                {format.moneyShort(minor, props.currency)}
              </Table.Td>
            ))}
            <Table.Td ta="right" data-testid={`plan-tree-total-${props.dimension}`}>
              {format.moneyShort(totals.year, props.currency)}
            </Table.Td>
            {show.deals && (
              <Table.Td ta="right" data-testid={`plan-tree-deals-${props.dimension}`}>
                {countText(targets.deals ?? 0, format.locale)}
              </Table.Td>
            )}
            {show.margin && (
              <Table.Td ta="right" data-testid={`plan-tree-margin-${props.dimension}`}>
                {format.moneyShort(targets.marginMinor ?? 0, props.currency)}
              </Table.Td>
            )}
            {bottomUp && <Table.Td colSpan={2} />}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

function LineRow(
  props: DecompositionTableProps & {
    row: TreeRow;
    parent: PlanLine | undefined;
    bottomUp: boolean;
    show: { deals: boolean; margin: boolean };
  },
) {
  const { t } = useTranslation();
  const format = useFormat();
  const { line, depth, hasChildren } = props.row;
  const byHand = props.parent?.split?.method === 'manual';
  const label = line.label === 'other' ? t('plans.decomposition.other') : line.label;
  return (
    <Table.Tr data-testid={`plan-line-${line.id}`} data-kind={line.kind}>
      <Table.Td style={STICKY}>
        <Box pl={depth * 20} fw={hasChildren ? 600 : 400}>
          {label}
          {line.hireDay && (
            <Text span size="xs" c="dimmed" ml={6}>
              {t('plans.decomposition.hired', { day: format.day(line.hireDay) })}
            </Text>
          )}
          {line.leaveDay && (
            <Text span size="xs" c="dimmed" ml={6}>
              {t('plans.decomposition.leaves', { day: format.day(line.leaveDay) })}
            </Text>
          )}
        </Box>
      </Table.Td>
      <Table.Td>
        {line.split && (
          <>
            <Select
              size="xs"
              w={140}
              data={METHODS.map((method) => ({ value: method, label: t(`plans.methods.${method}`) }))}
              value={line.split.method}
              onChange={(value) => {
                const method = METHODS.find((m) => m === value);
                if (method && method !== line.split?.method) props.onChange({ lineId: line.id, split: method });
              }}
              allowDeselect={false}
              disabled={!props.editable}
              aria-label={t('plans.decomposition.split')}
              data-testid={`plan-line-split-${line.id}`}
            />
            {line.split.fallback === 'no-history' && (
              <Text size="xs" c="dimmed">
                {t('plans.decomposition.noHistory')}
              </Text>
            )}
            {line.split.equalWeightMonths.length > 0 && (
              <Text size="xs" c="dimmed" maw={220} data-testid={`plan-line-equal-months-${line.id}`}>
                {t('plans.decomposition.equalWeightMonths', {
                  months: line.split.equalWeightMonths.map((month) => monthLabel(month, format.locale)).join(', '),
                })}
              </Text>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>
        {byHand && (
          <CommitInput
            w={80}
            value={line.weight === null ? '' : String(line.weight)}
            onCommit={(text) => {
              const weight = text.trim() === '' ? null : Number(text.replace(',', '.'));
              if (weight !== null && !Number.isFinite(weight)) props.onInvalid();
              else props.onChange({ lineId: line.id, weight });
            }}
            disabled={!props.editable}
            aria-label={t('plans.decomposition.weight')}
            data-testid={`plan-line-weight-${line.id}`}
          />
        )}
      </Table.Td>
      {line.months.map((month) => (
        <Table.Td key={month.month} ta="right">
          {format.moneyShort(scenarioMinor(month, props.scenario), props.currency)}
        </Table.Td>
      ))}
      <Table.Td ta="right" fw={600} data-testid={`plan-line-year-${line.id}`}>
        {format.moneyShort(scenarioMinor(line, props.scenario), props.currency)}
      </Table.Td>
      {props.show.deals && (
        <Table.Td ta="right" data-testid={`plan-line-deals-${line.id}`}>
          {countText(line.deals ?? 0, format.locale)}
        </Table.Td>
      )}
      {props.show.margin && (
        <Table.Td ta="right" data-testid={`plan-line-margin-${line.id}`}>
          {format.moneyShort(line.marginMinor ?? 0, props.currency)}
        </Table.Td>
      )}
      {props.bottomUp && (
        <Table.Td>
          {!hasChildren && (
            <CommitInput
              value={moneyText(line.bottomUpMinor, props.currency)}
              onCommit={(text) => {
                const minor = text.trim() === '' ? null : parseMoneyInput(text, props.currency);
                if (text.trim() !== '' && minor === null) props.onInvalid();
                else props.onChange({ lineId: line.id, bottomUpMinor: minor });
              }}
              disabled={!props.editable}
              aria-label={t('plans.decomposition.bottomUp')}
              data-testid={`plan-line-bottom-up-${line.id}`}
            />
          )}
        </Table.Td>
      )}
      {props.bottomUp && (
        <Table.Td
          ta="right"
          c={line.differenceMinor === 0 ? undefined : 'orange.8'}
          data-testid={`plan-line-difference-${line.id}`}
        >
          {line.differenceMinor === 0
            ? ''
            : `${line.differenceMinor > 0 ? '+' : ''}${format.moneyShort(line.differenceMinor, props.currency)}`}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
