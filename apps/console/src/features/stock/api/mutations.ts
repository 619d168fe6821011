import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@zizhu/api-client';
import { client } from '@/lib/api';
import { unwrap } from '@/lib/problem';
import { stockKeys } from './keys';

/** Everything a change of the book shows up in. */
function useInvalidateBook() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [stockKeys.stock(), stockKeys.movements(), stockKeys.belowPar(), stockKeys.restocks(), stockKeys.counts()].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}

/** Replaces the planogram; refreshes it and the book (new SKUs start at 0). */
export function usePutPlanogram(deviceId: string) {
  const queryClient = useQueryClient();
  const invalidateBook = useInvalidateBook();
  return useMutation({
    mutationFn: async (body: Schemas['PutPlanogramDto']) => unwrap(await client.PUT('/v1/devices/{id}/planogram', { params: { path: { id: deviceId } }, body })),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: stockKeys.planogram() }), invalidateBook()]),
  });
}

/** Records a restock; refreshes the book, its history and the below-par view. */
export function useCreateRestock(deviceId: string) {
  const invalidateBook = useInvalidateBook();
  return useMutation({
    mutationFn: async (body: Schemas['CreateRestockDto']) => unwrap(await client.POST('/v1/devices/{id}/restocks', { params: { path: { id: deviceId } }, body })),
    onSuccess: () => invalidateBook(),
  });
}

/** Records a stock count; refreshes the book, its history and the below-par view. */
export function useCreateCount(deviceId: string) {
  const invalidateBook = useInvalidateBook();
  return useMutation({
    mutationFn: async (body: Schemas['CreateStockCountDto']) => unwrap(await client.POST('/v1/devices/{id}/stock-counts', { params: { path: { id: deviceId } }, body })),
    onSuccess: () => invalidateBook(),
  });
}
