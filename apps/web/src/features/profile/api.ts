import type { TChangePasswordInput, TMe, TUpdateProfileInput } from '@clientela/contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { storeMe } from '../auth/api.ts';

/** Saves the signed-in user's name, language or time zone. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateProfileInput) => api<TMe>('/api/v1/me', { method: 'PATCH', body: input }),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}

/** Changes the signed-in user's password; the current one is required. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: TChangePasswordInput) => api<void>('/api/v1/me/password', { method: 'POST', body: input }),
  });
}
