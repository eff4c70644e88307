import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CreateProductRequest, type Product, UpdateProductRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { MoneyInput, moneyText } from '../../shared/MoneyInput.tsx';
import { parseMoneyInput } from '../../shared/money.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { useMe } from '../auth/session.tsx';
import { useCreateProduct, useProductGroups, useUpdateProduct } from './use-products.ts';

/** A product of the catalog: create (product null) or edit. */
export function ProductFormModal({
  product,
  opened,
  onClose,
}: {
  product: Product | null;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={product ? t('products.edit') : t('products.create')}>
      {opened && <ProductForm product={product} onClose={onClose} />}
    </Modal>
  );
}

function ProductForm({ product, onClose }: { product: Product | null; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const groups = useProductGroups();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateProduct();
  const update = useUpdateProduct();
  const currency = product?.currency ?? me.organization.currency;
  const [name, setName] = useState(product?.name ?? '');
  const [sku, setSku] = useState(product?.sku ?? '');
  const [unit, setUnit] = useState(product?.unit ?? t('products.defaultUnit'));
  const [groupId, setGroupId] = useState<string | null>(product?.groupId ?? null);
  const [price, setPrice] = useState(moneyText(product?.priceMinor ?? null, currency));
  const [isPriority, setIsPriority] = useState(product?.isPriority ?? false);
  const [active, setActive] = useState(product?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const priceMinor = price.trim() ? parseMoneyInput(price, currency) : 0;
    if (priceMinor === null) return setErrors({ priceMinor: t('validation.amount') });
    const fields = { name, sku, unit, groupId, priceMinor, isPriority };
    const done = () => {
      notifySuccess(t('products.saved'));
      onClose();
    };
    const fail = (error: unknown) => {
      setErrors(fromError(error));
      notifyError(errorMessage(error));
    };
    if (!product) {
      const checked = checkWith(CreateProductRequest, fields);
      if (!checked.ok) return setErrors(fromIssues(checked.issues));
      create.mutate(checked.data, { onSuccess: done, onError: fail });
      return;
    }
    const checked = checkWith(UpdateProductRequest, { ...fields, active });
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    update.mutate({ id: product.id, body: checked.data }, { onSuccess: done, onError: fail });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('products.fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
          data-testid="product-form-name"
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('products.fields.sku')}
            value={sku}
            onChange={(event) => setSku(event.currentTarget.value)}
          />
          <TextInput
            label={t('products.fields.unit')}
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            error={errors.unit}
          />
          <MoneyInput
            label={t('products.fields.price')}
            value={price}
            onChange={setPrice}
            currency={currency}
            error={errors.priceMinor}
            data-testid="product-form-price"
          />
          <Select
            label={t('products.fields.group')}
            data={(groups.data ?? []).map((group) => ({ value: group.id, label: group.name }))}
            value={groupId}
            onChange={setGroupId}
            clearable
          />
        </SimpleGrid>
        <Checkbox
          label={t('products.priorityLong')}
          checked={isPriority}
          onChange={(event) => setIsPriority(event.currentTarget.checked)}
        />
        {product && (
          <Checkbox
            label={t('products.active')}
            checked={active}
            onChange={(event) => setActive(event.currentTarget.checked)}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="product-form-submit">
            {product ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
