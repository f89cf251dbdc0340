import type {
  TLocale,
  TPortalLink,
  TPortalLinkInput,
  TPortalLoginInput,
  TPortalMagicLinkInput,
  TPortalPasswordChange,
  TPortalProfile,
  TPortalProfileUpdate,
} from '@clientela/contract';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useLocale } from '../locale/locale-context.tsx';
import { portalApi, portalMeKey, setPortalCsrfToken, type TPortalMe } from './portal-api.ts';

const profileKey = ['portal', 'profile'] as const;

/** Keeps a fresh sign-in: its CSRF token for writes, and the customer for the frame. */
function storePortalMe(queryClient: QueryClient, me: TPortalMe) {
  setPortalCsrfToken(me.csrfToken);
  // What was cached belonged to whoever was signed in before.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === 'portal' && query.queryKey[1] !== 'branding' });
  queryClient.setQueryData(portalMeKey, me);
}

/** After a sign-in the portal speaks the customer's language. */
function useSignedIn() {
  const queryClient = useQueryClient();
  const { locale, changeLocale } = useLocale();
  return useCallback(
    async (me: TPortalMe) => {
      storePortalMe(queryClient, me);
      if (me.language !== locale) await changeLocale(me.language);
    },
    [queryClient, locale, changeLocale],
  );
}

/** Signs in with e-mail and password. */
export function usePortalLogin() {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: TPortalLoginInput) => portalApi<TPortalMe>('/auth/login', { method: 'POST', body: input }),
    onSuccess: signedIn,
  });
}

/** Asks for a sign-in link by e-mail (the answer never tells whether the address has an account). */
export function usePortalMagicLink() {
  return useMutation({
    mutationFn: (input: TPortalMagicLinkInput) => portalApi<void>('/auth/magic-link', { method: 'POST', body: input }),
  });
}

/** Asks for a link to choose a new password by e-mail (the same answer whether the address is known or not). */
export function usePortalPasswordReset() {
  return useMutation({
    mutationFn: (input: TPortalMagicLinkInput) => portalApi<void>('/auth/password-reset', { method: 'POST', body: input }),
  });
}

/** What a one-time link is: an invitation, a sign-in link or a password reset. */
export function usePortalLink(token: string) {
  return useQuery({
    queryKey: ['portal-link', token],
    queryFn: () => portalApi<TPortalLink>(`/auth/link/${encodeURIComponent(token)}`),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Uses a one-time link (with the chosen password for an invitation) and signs in. */
export function useUsePortalLink(token: string) {
  const signedIn = useSignedIn();
  return useMutation({
    mutationFn: (input: TPortalLinkInput) =>
      portalApi<TPortalMe>(`/auth/link/${encodeURIComponent(token)}`, { method: 'POST', body: input }),
    onSuccess: signedIn,
  });
}

/** Signs out of the portal and forgets what was cached for the customer. */
export function usePortalLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => portalApi<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setPortalCsrfToken(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] === 'portal' && query.queryKey[1] !== 'branding' });
      queryClient.setQueryData(portalMeKey, null);
    },
  });
}

/** The customer's own details. */
export function usePortalProfile() {
  return useQuery({ queryKey: profileKey, queryFn: () => portalApi<TPortalProfile>('/profile') });
}

/** Changes the customer's details; a new language switches the portal to it. */
export function useUpdatePortalProfile() {
  const queryClient = useQueryClient();
  const { locale, changeLocale } = useLocale();
  return useMutation({
    mutationFn: (input: Partial<TPortalProfileUpdate>) => portalApi<TPortalProfile>('/profile', { method: 'PATCH', body: input }),
    onSuccess: async (profile) => {
      queryClient.setQueryData(profileKey, profile);
      queryClient.setQueryData<TPortalMe | null>(portalMeKey, (me) => (me ? { ...me, language: profile.language } : me));
      if (profile.language !== locale) await changeLocale(profile.language);
    },
  });
}

/** Switches the portal's language and remembers it on the customer's account. */
export function useSwitchPortalLanguage() {
  const update = useUpdatePortalProfile();
  const { changeLocale } = useLocale();
  return {
    switchTo: async (language: TLocale) => {
      await changeLocale(language);
      update.mutate({ language });
    },
    error: update.error,
  };
}

/** Changes the portal password. */
export function useChangePortalPassword() {
  return useMutation({
    mutationFn: (input: TPortalPasswordChange) => portalApi<void>('/profile/password', { method: 'POST', body: input }),
  });
}

/** The personal-data file's address: the browser downloads it with the portal cookie. */
export const MY_DATA_URL = '/api/portal/my-data';
