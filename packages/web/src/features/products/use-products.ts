import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateProductBody,
  createProduct,
  findProductGroups,
  type UpdateProductBody,
  updateProduct,
} from '../../api/products.ts';

export function useProductGroups() {
  return useQuery({
    queryKey: ['product-groups'],
    queryFn: ({ signal }) => findProductGroups(signal),
    staleTime: 5 * 60_000,
  });
}

function useRefreshProducts(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['products'] });
}

export function useCreateProduct() {
  const refresh = useRefreshProducts();
  return useMutation({ mutationFn: (body: CreateProductBody) => createProduct(body), onSuccess: refresh });
}

export function useUpdateProduct() {
  const refresh = useRefreshProducts();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProductBody }) => updateProduct(id, body),
    onSuccess: refresh,
  });
}
