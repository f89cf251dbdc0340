import type { TPutUnitLeadTimes, ZUnitLeadTimes } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api.ts';

type UnitLeadTimes = z.infer<typeof ZUnitLeadTimes>;

// The send drawer offers the same list as kinds of work: one cache entry serves both.
const leadTimesKey = (unitId: string) => ['tasks', 'unit-lead-times', unitId] as const;

/** A unit's standard lead times, fetched afresh each time the editor opens. */
export function useUnitLeadTimes(unitId: string) {
  return useQuery({
    queryKey: leadTimesKey(unitId),
    queryFn: ({ signal }) => api<UnitLeadTimes>(`/api/v1/units/${unitId}/lead-times`, { signal }),
    refetchOnMount: 'always',
  });
}

/** Replaces a unit's standard lead times (admins, and managers of that unit or one above it). */
export function useSaveUnitLeadTimes(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TPutUnitLeadTimes) => api<UnitLeadTimes>(`/api/v1/units/${unitId}/lead-times`, { method: 'PUT', body: input }),
    onSuccess: (saved) => {
      queryClient.setQueryData(leadTimesKey(unitId), saved);
      // Advice already shown for this unit may have changed.
      void queryClient.invalidateQueries({ queryKey: ['tasks', 'lead-time'] });
    },
  });
}
