import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { CreateProductGroupRequest, type ProductGroup, UpdateProductGroupRequest } from '@pulse/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../shared/error-message.ts';
import { checkWith, type FieldErrors, useFieldErrors } from '../../shared/form-errors.ts';
import { notifyError, notifySuccess } from '../../shared/notify.ts';
import { groupTree, subtreeIds } from './product-group-tree.ts';
import { useCreateProductGroup, useUpdateProductGroup } from './use-products.ts';

interface ProductGroupFormModalProps {
  /** `{ group: null }` creates a group; a group renames or moves it. */
  target: { group: ProductGroup | null } | null;
  groups: readonly ProductGroup[];
  onClose(): void;
}

/** A product group: its name, the group it sits in, and whether it is a priority direction. */
export function ProductGroupFormModal({ target, groups, onClose }: ProductGroupFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.group ? t('productGroups.edit') : t('productGroups.create')}
    >
      {target && <ProductGroupForm group={target.group} groups={groups} onClose={onClose} />}
    </Modal>
  );
}

function ProductGroupForm({
  group,
  groups,
  onClose,
}: {
  group: ProductGroup | null;
  groups: readonly ProductGroup[];
  onClose(): void;
}) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const { fromIssues, fromError } = useFieldErrors();
  const create = useCreateProductGroup();
  const update = useUpdateProductGroup();
  const [name, setName] = useState(group?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(group?.parentId ?? null);
  const [isPriority, setIsPriority] = useState(group?.isPriority ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // A group cannot sit under itself or under one of its own sub-groups.
  const excluded = group ? subtreeIds(groups, group.id) : new Set<string>();
  const parents = groupTree(groups, i18n.language)
    .filter((row) => !excluded.has(row.group.id))
    .map((row) => ({ value: row.group.id, label: `${'· '.repeat(row.depth)}${row.group.name}` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const done = () => {
      notifySuccess(t('productGroups.saved'));
      onClose();
    };
    const fail = (error: unknown) => {
      // 422 names the parent: unknown, or a move under the group's own sub-group.
      setErrors(isApiError(error, 'unprocessable') ? { parentId: t('productGroups.badParent') } : fromError(error));
      notifyError(errorMessage(error));
    };
    const fields = { name, parentId, isPriority };
    if (!group) {
      const checked = checkWith(CreateProductGroupRequest, fields);
      if (!checked.ok) return setErrors(fromIssues(checked.issues));
      create.mutate(checked.data, { onSuccess: done, onError: fail });
      return;
    }
    const checked = checkWith(UpdateProductGroupRequest, fields);
    if (!checked.ok) return setErrors(fromIssues(checked.issues));
    update.mutate({ id: group.id, body: checked.data }, { onSuccess: done, onError: fail });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('productGroups.fields.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
          data-testid="product-group-form-name"
        />
        <Select
          label={t('productGroups.fields.parent')}
          placeholder={t('productGroups.topLevel')}
          data={parents}
          value={parentId}
          onChange={setParentId}
          error={errors.parentId}
          clearable
          searchable
          data-testid="product-group-form-parent"
        />
        <Checkbox
          label={t('products.priorityLong')}
          checked={isPriority}
          onChange={(event) => setIsPriority(event.currentTarget.checked)}
          data-testid="product-group-form-priority"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="product-group-form-submit">
            {group ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
