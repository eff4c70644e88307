import { Badge } from '@mantine/core';
import { type Product, ProductsQuery } from '@pulse/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findProducts } from '../../api/products.ts';
import { useFormat } from '../../shared/use-format.ts';
import { yesNoOptions } from '../crm/labels.ts';
import type { ListDefinition } from '../list/list-types.ts';
import { parseQuery } from '../list/parse-query.ts';
import { useProductGroups } from './use-products.ts';

/** The product catalog; priority directions are marked. */
export function useProductList(onOpen?: (product: Product) => void): ListDefinition<Product> {
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useProductGroups();
  return useMemo(() => {
    const definition: ListDefinition<Product> = {
      entity: 'products',
      testId: 'products',
      label: t('products.title'),
      searchPlaceholder: t('products.search'),
      columns: [
        {
          id: 'name',
          label: t('products.fields.name'),
          width: 'minmax(220px, 3fr)',
          sort: 'name',
          render: (row) => row.name,
        },
        { id: 'sku', label: t('products.fields.sku'), width: '130px', render: (row) => row.sku ?? '' },
        {
          id: 'group',
          label: t('products.fields.group'),
          width: 'minmax(150px, 1.5fr)',
          render: (row) => row.groupName ?? '',
        },
        { id: 'unit', label: t('products.fields.unit'), width: '70px', render: (row) => row.unit },
        {
          id: 'price',
          label: t('products.fields.price'),
          width: '150px',
          sort: 'price',
          align: 'right',
          render: (row) => format.money(row.priceMinor, row.currency),
        },
        {
          id: 'priority',
          label: t('products.fields.priority'),
          width: '150px',
          render: (row) =>
            row.inPriorityDirection ? (
              <Badge size="sm" color="orange" variant={row.isPriority ? 'filled' : 'light'}>
                {t('products.priority')}
              </Badge>
            ) : (
              ''
            ),
        },
        {
          id: 'active',
          label: t('products.fields.active'),
          width: '110px',
          render: (row) => (row.active ? t('products.active') : t('products.inactive')),
        },
        {
          id: 'created',
          label: t('list.created'),
          width: '150px',
          sort: 'created',
          render: (row) => format.instant(row.createdAt),
        },
      ],
      defaultColumns: ['name', 'sku', 'group', 'unit', 'price', 'priority'],
      sorts: [
        { value: 'name', label: t('products.fields.name') },
        { value: 'price', label: t('products.fields.price') },
        { value: 'created', label: t('list.created') },
      ],
      defaultSort: 'name',
      defaultOrder: 'asc',
      filters: [
        {
          key: 'groupId',
          label: t('products.fields.group'),
          kind: 'select',
          options: (groups.data ?? []).map((group) => ({ value: group.id, label: group.name })),
        },
        { key: 'priority', label: t('products.fields.priority'), kind: 'select', options: yesNoOptions(t) },
        {
          key: 'active',
          label: t('products.fields.active'),
          kind: 'select',
          options: [
            { value: 'true', label: t('products.active') },
            { value: 'false', label: t('products.inactive') },
            { value: 'all', label: t('crm.archived.all') },
          ],
        },
      ],
      fetchPage: (query, signal) => findProducts(parseQuery(ProductsQuery, query), signal),
      rowId: (row) => row.id,
      onOpen,
      isDimmed: (row) => !row.active,
    };
    return definition;
  }, [t, format, groups.data, onOpen]);
}
