import { ActionIcon, Button, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { DealDetails } from '@pulse/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { MoneyInput, moneyText } from '../../shared/MoneyInput.tsx';
import { notifyError } from '../../shared/notify.ts';
import { isStale } from '../../shared/stale.ts';
import { useFormat } from '../../shared/use-format.ts';
import { ProductPicker } from '../products/ProductPicker.tsx';
import {
  draftOf,
  type LineDraft,
  type LineInput,
  lineProblems,
  newLineKey,
  sameLines,
  toLineInputs,
} from './deal-lines.ts';
import { dealKey, useUpdateDeal } from './use-deals.ts';

/** Pause after the last keystroke before the lines are saved and the server recounts the total. */
const SAVE_DELAY_MS = 700;

/**
 * The deal's products. Complete lines are saved as the user types (after a short pause); the
 * amounts and the total shown are the server's, so rounding happens in one place.
 */
export function LinesEditor({ deal, editable }: { deal: DealDetails; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const update = useUpdateDeal(deal.id);
  const currency = deal.currency;
  const [lines, setLines] = useState<LineDraft[]>(() => deal.lines.map((line) => draftOf(line, currency)));
  const inputs = useMemo(() => toLineInputs(lines, currency), [lines, currency]);
  const [debounced] = useDebouncedValue(inputs, SAVE_DELAY_MS);
  const inSync = inputs !== null && sameLines(deal.lines, inputs);
  const { mutate, isPending } = update;
  const ownSave = useRef<LineInput[] | null>(null);

  useEffect(() => {
    if (!editable || !debounced || isPending || sameLines(deal.lines, debounced)) return;
    ownSave.current = debounced;
    mutate(
      { lines: debounced, version: deal.version },
      {
        onError: (error) => {
          if (isStale(error)) {
            notifyError(t('work.stale'));
            void queryClient.invalidateQueries({ queryKey: dealKey(deal.id) });
            return;
          }
          notifyError(errorMessage(error));
        },
      },
    );
  }, [debounced, editable, isPending, deal.lines, deal.version, deal.id, mutate, queryClient, errorMessage, t]);

  // A new version of the deal from elsewhere (another user, a reload after a stale save) replaces
  // the draft; the answer to our own save does not, since the user may have typed on meanwhile.
  const savedLines = deal.lines;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version may replace the draft, not each keystroke
  useEffect(() => {
    const own = ownSave.current;
    setLines((draft) => {
      const current = toLineInputs(draft, currency);
      if ((own && sameLines(savedLines, own)) || (current && sameLines(savedLines, current))) return draft;
      return savedLines.map((line) => draftOf(line, currency));
    });
  }, [deal.version]);

  const set = (key: string, patch: Partial<LineDraft>) =>
    setLines((draft) => draft.map((line) => (line.key === key ? { ...line, ...patch } : line)));

  return (
    <Stack gap="xs" data-testid="deal-lines">
      <Table withTableBorder verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('lines.product')}</Table.Th>
            <Table.Th w={100}>{t('lines.quantity')}</Table.Th>
            <Table.Th w={170}>{t('lines.price')}</Table.Th>
            <Table.Th w={110}>{t('lines.discount')}</Table.Th>
            <Table.Th w={150} ta="right">
              {t('lines.amount')}
            </Table.Th>
            {editable && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed">
                  {t('lines.empty')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {lines.map((line, index) => {
            const problems = lineProblems(line, currency);
            const saved = inSync ? deal.lines[index] : undefined;
            return (
              <Table.Tr key={line.key} data-testid={`deal-line-${index}`}>
                <Table.Td>
                  <ProductPicker
                    value={line.productId}
                    onChange={(id, product) =>
                      set(line.key, {
                        productId: id,
                        ...(product ? { price: moneyText(product.priceMinor, currency).replace('.', ',') } : {}),
                      })
                    }
                    disabled={!editable}
                    clearable={false}
                    aria-label={t('lines.product')}
                    data-testid={`deal-line-product-${index}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={line.quantity}
                    onChange={(event) => set(line.key, { quantity: event.currentTarget.value })}
                    error={line.quantity !== '' && problems.includes('quantity')}
                    inputMode="decimal"
                    disabled={!editable}
                    aria-label={t('lines.quantity')}
                    data-testid={`deal-line-quantity-${index}`}
                  />
                </Table.Td>
                <Table.Td>
                  <MoneyInput
                    value={line.price}
                    onChange={(text) => set(line.key, { price: text })}
                    currency={currency}
                    disabled={!editable}
                    error={line.price !== '' && problems.includes('price') ? ' ' : undefined}
                    aria-label={t('lines.price')}
                    data-testid={`deal-line-price-${index}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    value={line.discount}
                    onChange={(event) => set(line.key, { discount: event.currentTarget.value })}
                    error={problems.includes('discount')}
                    rightSection="%"
                    inputMode="decimal"
                    disabled={!editable}
                    aria-label={t('lines.discount')}
                    data-testid={`deal-line-discount-${index}`}
                  />
                </Table.Td>
                <Table.Td ta="right" data-testid={`deal-line-amount-${index}`}>
                  {saved ? format.money(saved.amountMinor, currency) : '…'}
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => setLines((draft) => draft.filter((candidate) => candidate.key !== line.key))}
                      aria-label={t('lines.remove')}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        {editable ? (
          <Button
            variant="light"
            size="xs"
            onClick={() =>
              setLines((draft) => [
                ...draft,
                { key: newLineKey(), productId: null, quantity: '1', price: '', discount: '' },
              ])
            }
            data-testid="deal-line-add"
          >
            {t('lines.add')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="xs">
          {(isPending || (!inSync && inputs !== null)) && <Loader size="xs" aria-label={t('lines.saving')} />}
          {inputs === null && (
            <Text size="xs" c="orange.8">
              {t('lines.incomplete')}
            </Text>
          )}
          <Text fw={600} data-testid="deal-lines-total">
            {t('lines.total', { amount: format.money(deal.amountMinor, currency) })}
          </Text>
        </Group>
      </Group>
    </Stack>
  );
}
