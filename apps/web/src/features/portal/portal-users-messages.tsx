import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { loadPortalUserMessages } from '../../lib/portal-messages.ts';

/** Renders its children once the `portalUsers` messages are loaded (for cards shown on pages of other features). */
export function WithPortalUserMessages({ children }: { children: ReactNode }) {
  const loaded = useQuery({
    queryKey: ['messages', 'portalUsers'],
    queryFn: () => loadPortalUserMessages().then(() => true),
    staleTime: Infinity,
  });
  return loaded.data ? children : null;
}
