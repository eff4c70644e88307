import { Button, Group, Stack } from '@mantine/core';
import type { Product } from '@pulse/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../shared/PageTitle.tsx';
import { useMe } from '../auth/session.tsx';
import { canManageCatalog } from '../crm/permissions.ts';
import { EntityList } from '../list/EntityList.tsx';
import { ProductFormModal } from './ProductFormModal.tsx';
import { useProductList } from './product-list.tsx';

type Target = { product: Product | null } | null;

/** The catalog; administrators and heads of sales add and edit products. */
export function ProductsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const manage = canManageCatalog(me);
  const [target, setTarget] = useState<Target>(null);
  const open = useCallback((product: Product) => setTarget({ product }), []);
  const definition = useProductList(manage ? open : undefined);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('products.title')}</PageTitle>
        {manage && (
          <Group gap="xs">
            <Button component={Link} to="/products/groups" variant="default" data-testid="product-groups-link">
              {t('productGroups.title')}
            </Button>
            <Button onClick={() => setTarget({ product: null })} data-testid="product-create">
              {t('products.create')}
            </Button>
          </Group>
        )}
      </Group>
      <EntityList definition={definition} />
      <ProductFormModal product={target?.product ?? null} opened={target !== null} onClose={() => setTarget(null)} />
    </Stack>
  );
}
