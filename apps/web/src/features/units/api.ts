import type { TCreateUnitInput, TUnit, TUpdateUnitInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

type UnitList = { data: TUnit[]; nextCursor: string | null; total: number };

const UNITS_KEY = ['units'] as const;

/** The workspace's whole unit tree, as a flat list with parent ids. */
export function useUnits() {
  return useQuery({
    queryKey: UNITS_KEY,
    queryFn: () => api<UnitList>('/api/v1/units'),
    select: (list) => list.data,
  });
}

function useUnitMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}

/** Adds a unit, at the top or under a parent. */
export function useCreateUnit() {
  return useUnitMutation((input: TCreateUnitInput) => api<TUnit>('/api/v1/units', { method: 'POST', body: input }));
}

/** Renames or moves a unit. */
export function useUpdateUnit() {
  return useUnitMutation(({ id, ...input }: TUpdateUnitInput & { id: string }) =>
    api<TUnit>(`/api/v1/units/${id}`, { method: 'PATCH', body: input }),
  );
}

/** Deletes an empty unit without sub-units. */
export function useDeleteUnit() {
  return useUnitMutation((id: string) => api<void>(`/api/v1/units/${id}`, { method: 'DELETE' }));
}
