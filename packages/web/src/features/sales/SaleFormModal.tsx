import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DealChannel } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { type FieldErrors, normalizeIssuePath, useFieldErrors } from '../../shared/form-errors.ts';
import { MoneyInput, moneyText } from '../../shared/MoneyInput.tsx';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { todayIn } from '../../shared/use-format.ts';
import { useMe } from '../auth/session.tsx';
import { CompanyPicker } from '../companies/CompanyPicker.tsx';
import { channelOptions } from '../crm/labels.ts';
import { canReassign } from '../crm/permissions.ts';
import { UserPicker } from '../people/UserPicker.tsx';
import { ProductPicker } from '../products/ProductPicker.tsx';
import { computedAmountText, emptySaleValues, type SaleFormValues, saleRequest } from './sale-form.ts';
import { useCreateSale } from './use-sales.ts';

/** The server's 422s on a sales line, by field. */
const RULE_MESSAGES = {
  companyId: 'sales.errors.company',
  productId: 'sales.errors.product',
  ownerId: 'sales.errors.owner',
} as const;

/** A sales line made outside deals: what was sold, to whom, for how much, by whom. */
export function SaleFormModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sales.form.title')} size="lg">
      {opened && <SaleForm onClose={onClose} />}
    </Modal>
  );
}

function SaleForm({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const currency = me.organization.currency;
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateSale();
  const [values, setValues] = useState<SaleFormValues>(() => emptySaleValues(todayIn(me.user.timeZone)));
  // The amount follows quantity × price until the user types an amount of their own.
  const [amountTyped, setAmountTyped] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  /** Changes quantity or price, and with them the amount while it is still the computed one. */
  function setLine(patch: Partial<Pick<SaleFormValues, 'quantity' | 'price'>>) {
    setValues((previous) => {
      const next = { ...previous, ...patch };
      if (amountTyped) return next;
      return { ...next, amount: computedAmountText(next, currency) ?? '' };
    });
  }
  const set = <K extends keyof SaleFormValues>(key: K, value: SaleFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  function failedFields(error: unknown): FieldErrors {
    if (!(error instanceof ApiError) || error.code !== 'unprocessable') return fromError(error);
    const fields: FieldErrors = {};
    for (const issue of error.details) {
      const field = normalizeIssuePath(issue.path);
      if (field in RULE_MESSAGES) fields[field] = t(RULE_MESSAGES[field as keyof typeof RULE_MESSAGES]);
    }
    return fields;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const request = saleRequest(values, currency);
    if (!request.ok) return setErrors(fromIssues(request.issues));
    setErrors({});
    create.mutate(request.data, {
      onSuccess: () => {
        notifySuccess(t('sales.form.saved'));
        onClose();
      },
      onError: (error) => {
        setErrors(failedFields(error));
        notifyError(errorMessage(error));
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="sale-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('sales.fields.date')}
            type="date"
            value={values.saleDate}
            onChange={(event) => set('saleDate', event.currentTarget.value)}
            error={errors.saleDate}
            required
            data-testid="sale-form-date"
          />
          <CompanyPicker
            label={t('deals.fields.company')}
            value={values.companyId}
            onChange={(id) => set('companyId', id)}
            error={errors.companyId}
            data-testid="sale-form-company"
          />
        </SimpleGrid>
        <ProductPicker
          label={t('lines.product')}
          value={values.productId}
          onChange={(id, product) => {
            set('productId', id);
            // The catalog price is a starting point; the user may have sold at another one.
            if (product) setLine({ price: moneyText(product.priceMinor, currency) });
          }}
          error={errors.productId}
          data-testid="sale-form-product"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing="xs">
          <TextInput
            label={t('lines.quantity')}
            value={values.quantity}
            onChange={(event) => setLine({ quantity: event.currentTarget.value })}
            error={errors.quantity}
            inputMode="decimal"
            required
            data-testid="sale-form-quantity"
          />
          <MoneyInput
            label={t('sales.form.unitPrice')}
            value={values.price}
            onChange={(price) => setLine({ price })}
            currency={currency}
            data-testid="sale-form-price"
          />
          <MoneyInput
            label={t('lines.amount')}
            value={values.amount}
            onChange={(amount) => {
              setAmountTyped(amount.trim() !== '');
              set('amount', amount);
            }}
            currency={currency}
            error={errors.amountMinor}
            required
            data-testid="sale-form-amount"
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('sales.form.amountHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
          {canReassign(me) && (
            <UserPicker
              label={t('deals.fields.owner')}
              placeholder={t('quick.assigneeMe')}
              value={values.ownerId}
              onChange={(id) => set('ownerId', id)}
              error={errors.ownerId}
              data-testid="sale-form-owner"
            />
          )}
          <Select
            label={t('companies.fields.channel')}
            data={channelOptions(t)}
            value={values.channel}
            onChange={(value) => {
              const channel = DealChannel.safeParse(value);
              set('channel', channel.success ? channel.data : null);
            }}
            clearable
            data-testid="sale-form-channel"
          />
          <TextInput
            label={t('deals.fields.territory')}
            value={values.territory}
            onChange={(event) => set('territory', event.currentTarget.value)}
            error={errors.territory}
            data-testid="sale-form-territory"
          />
          <TextInput
            label={t('sales.fields.externalRef')}
            description={t('sales.form.externalRefHint')}
            value={values.externalRef}
            onChange={(event) => set('externalRef', event.currentTarget.value)}
            error={errors.externalRef}
            data-testid="sale-form-external-ref"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="sale-form-submit">
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
