import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateProductBody,
  type CreateProductGroupBody,
  createProduct,
  createProductGroup,
  deleteProductGroup,
  findProductGroups,
  type UpdateProductBody,
  type UpdateProductGroupBody,
  updateProduct,
  updateProductGroup,
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

/**
 * A group's name and priority show on every product of it (its group name, "priority direction"),
 * so changing groups refreshes the products too.
 */
function useRefreshGroups(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['product-groups'] }),
      queryClient.invalidateQueries({ queryKey: ['products'] }),
    ]);
  };
}

export function useCreateProductGroup() {
  const refresh = useRefreshGroups();
  return useMutation({ mutationFn: (body: CreateProductGroupBody) => createProductGroup(body), onSuccess: refresh });
}

export function useUpdateProductGroup() {
  const refresh = useRefreshGroups();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProductGroupBody }) => updateProductGroup(id, body),
    onSuccess: refresh,
  });
}

export function useDeleteProductGroup() {
  const refresh = useRefreshGroups();
  return useMutation({ mutationFn: (id: string) => deleteProductGroup(id), onSuccess: refresh });
}
