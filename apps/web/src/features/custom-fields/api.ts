import type { TCreateCustomFieldInput, TCustomEntity, TCustomField, TUpdateCustomFieldInput } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

type FieldList = { data: TCustomField[]; nextCursor: string | null; total: number };

export const CUSTOM_FIELDS_KEY = ['custom-fields'] as const;

/** The custom fields of companies or of contacts, in display order (everyone may read them: forms need them). */
export function useCustomFields(entity: TCustomEntity) {
  return useQuery({
    queryKey: [...CUSTOM_FIELDS_KEY, entity],
    queryFn: ({ signal }) => api<FieldList>('/api/v1/custom-fields', { signal, query: { entity } }),
    select: (list) => list.data,
    // Definitions change rarely; forms and pages share one copy for a while.
    staleTime: 60_000,
  });
}

function useCustomFieldMutation<TInput, TResult>(mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY }) });
}

/** An admin adds a field to companies or contacts. */
export function useCreateCustomField() {
  return useCustomFieldMutation((input: TCreateCustomFieldInput) =>
    api<TCustomField>('/api/v1/custom-fields', { method: 'POST', body: input }),
  );
}

/** An admin changes a field's label, options, required flag or position. */
export function useUpdateCustomField() {
  return useCustomFieldMutation(({ id, ...input }: TUpdateCustomFieldInput & { id: string }) =>
    api<TCustomField>(`/api/v1/custom-fields/${id}`, { method: 'PATCH', body: input }),
  );
}

/** An admin removes a field; the values records hold are no longer shown. */
export function useDeleteCustomField() {
  return useCustomFieldMutation((id: string) => api<void>(`/api/v1/custom-fields/${id}`, { method: 'DELETE' }));
}
