import type { TAttachable, TAttachment } from '@clientela/contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, toApiError } from '../../lib/api.ts';

export const ATTACHMENTS_KEY = ['attachments'] as const;

/** The files attached to a record. */
export function useAttachments(entityType: TAttachable, entityId: string) {
  return useQuery({
    queryKey: [...ATTACHMENTS_KEY, entityType, entityId],
    queryFn: ({ signal }) => api<{ data: TAttachment[] }>('/api/v1/attachments', { signal, query: { entityType, entityId } }),
    select: (list) => list.data,
  });
}

/** Where a file is downloaded from (the server checks the reader may see its record). */
export function attachmentFileUrl(id: string): string {
  return `/api/v1/attachments/${id}/file`;
}

/** Removes a file from its record. */
export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/attachments/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ATTACHMENTS_KEY }),
  });
}

type Upload = {
  entityType: TAttachable;
  entityId: string;
  file: File;
  csrfToken: string | undefined;
  /** Called with the share sent so far, 0–100. */
  onProgress: (percent: number) => void;
};

/**
 * Sends one file as multipart/form-data, the record's fields first as the server reads them.
 * XMLHttpRequest rather than fetch: only it reports the upload's progress.
 */
export function uploadAttachment({ entityType, entityId, file, csrfToken, onProgress }: Upload): Promise<TAttachment> {
  const body = new FormData();
  body.append('entityType', entityType);
  body.append('entityId', entityId);
  body.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/attachments');
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = async () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText) as TAttachment);
        } catch {
          reject(new ApiError(request.status, 'unknown_error', 'Unreadable answer'));
        }
        return;
      }
      const headers = { 'Content-Type': request.getResponseHeader('Content-Type') ?? 'application/json' };
      reject(await toApiError(new Response(request.responseText || null, { status: request.status, headers })));
    };
    request.onerror = () => reject(new ApiError(0, 'network_error', 'Network error'));
    request.send(body);
  });
}
