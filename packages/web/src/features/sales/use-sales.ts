import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createSale, deleteSale } from '../../api/sales.ts';
import type { CreateSaleBody } from './sale-form.ts';

/** A client's purchases decide its lifecycle (new, active, repeat…), so companies refresh with the sales. */
function useRefreshSales(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['sales'] }),
      queryClient.invalidateQueries({ queryKey: ['companies'] }),
    ]);
  };
}

export function useCreateSale() {
  const refresh = useRefreshSales();
  return useMutation({ mutationFn: (body: CreateSaleBody) => createSale(body), onSuccess: refresh });
}

export function useDeleteSale() {
  const refresh = useRefreshSales();
  return useMutation({ mutationFn: (id: string) => deleteSale(id), onSuccess: refresh });
}
