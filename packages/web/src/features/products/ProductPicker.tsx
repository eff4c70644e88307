import type { Product } from '@pulse/contracts';
import { findProducts, getProduct } from '../../api/products.ts';
import { useFormat } from '../../shared/use-format.ts';
import { SearchPicker, type SearchPickerProps } from '../crm/SearchPicker.tsx';

type Props = Omit<SearchPickerProps<Product>, 'resource' | 'search' | 'resolve' | 'toOption'>;

/** An active product of the catalog by name or SKU, with its price. */
export function ProductPicker(props: Props) {
  const format = useFormat();
  return (
    <SearchPicker
      {...props}
      resource="products"
      search={async (q, signal) => (await findProducts({ q: q || undefined, active: 'true', limit: 20 }, signal)).items}
      resolve={(id, signal) => getProduct(id, signal)}
      toOption={(product) => ({
        value: product.id,
        label: `${product.name} · ${format.money(product.priceMinor, product.currency)}`,
      })}
    />
  );
}
