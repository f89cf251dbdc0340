import type { TAttachment } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadContractMessages } from '../../lib/contract-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi } from '../duplicates/test-duplicates.ts';
import { AttachmentsList } from './attachments-list.tsx';

beforeAll(async () => {
  await initI18n('en');
  await loadContractMessages();
});
afterEach(() => vi.unstubAllGlobals());

const CONTRACT = '00000000-0000-4000-8000-000000000700';
const anAttachment = (id: string, fileName: string, extra: Partial<TAttachment> = {}): TAttachment => ({
  id,
  entityType: 'contract',
  entityId: CONTRACT,
  fileName,
  contentType: 'application/pdf',
  size: 1_258_291,
  uploadedBy: { id: testMe.id, name: 'Anna Rossi' },
  createdAt: '2026-03-02T10:15:00.000Z',
  ...extra,
});

type Sent = { url: string; headers: Record<string, string>; fields: [string, string][] };

/** An XMLHttpRequest that reports progress, then answers `status` with `body`; what it sent is kept. */
function fakeXhr(status: number, body: unknown, sent: Sent[]) {
  return class {
    status = 0;
    responseText = '';
    withCredentials = false;
    upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    getResponseHeader() {
      return status >= 400 ? 'application/problem+json' : 'application/json';
    }
    send(form: FormData) {
      sent.push({
        url: this.url,
        headers: this.headers,
        fields: [...form.entries()].map(([key, value]) => [key, typeof value === 'string' ? value : (value as File).name]),
      });
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        setTimeout(() => {
          this.status = status;
          this.responseText = JSON.stringify(body);
          this.onload?.();
        }, 300);
      }, 20);
    }
  };
}

async function renderCard() {
  await renderWithApp(
    <App>
      <AttachmentsList entityType="contract" entityId={CONTRACT} />
    </App>,
    { me: testMe },
  );
}

const fileInput = () => document.querySelector('input[type="file"]') as HTMLInputElement;

describe('AttachmentsList', () => {
  it('lists the files with their size, who and when, uploads a new one with its record first, and deletes one after asking', async () => {
    const files = [anAttachment('00000000-0000-4000-8000-000000000a01', 'contract-2026.pdf')];
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === `/api/v1/attachments?entityType=contract&entityId=${CONTRACT}`)
        return jsonResponse(200, { data: files });
      if (method === 'DELETE' && url === '/api/v1/attachments/00000000-0000-4000-8000-000000000a01') {
        files.splice(0, 1);
        return new Response(null, { status: 204 });
      }
      return undefined;
    });
    const sent: Sent[] = [];
    const uploaded = anAttachment('00000000-0000-4000-8000-000000000a02', 'annex.docx', { size: 830 });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    vi.stubGlobal('XMLHttpRequest', fakeXhr(201, uploaded, sent));
    await renderCard();

    const item = await screen.findByRole('listitem', { name: 'contract-2026.pdf' });
    expect(item.textContent).toContain('1.2 MB · Anna Rossi, 2 Mar 2026, 11:15');
    expect(within(item).getByRole('link', { name: 'contract-2026.pdf' }).getAttribute('href')).toBe(
      '/api/v1/attachments/00000000-0000-4000-8000-000000000a01/file',
    );

    files.push(uploaded);
    fireEvent.change(fileInput(), { target: { files: [new File(['hello'], 'annex.docx')] } });
    // While it is sent, the file shows with how far it got.
    await waitFor(() => expect(document.querySelector('[role="progressbar"][aria-valuenow="50"]')).toBeTruthy());
    expect(await screen.findByRole('listitem', { name: 'annex.docx' })).toBeTruthy();
    // Once added it leaves the uploads (antd animates it out) and shows in the list.
    await waitFor(() => expect(document.querySelector('.ant-upload-list-item-container:not(.ant-upload-animate-leave)')).toBeNull());
    expect(sent).toEqual([
      {
        url: '/api/v1/attachments',
        headers: { Accept: 'application/json', 'X-CSRF-Token': 'test' },
        fields: [
          ['entityType', 'contract'],
          ['entityId', CONTRACT],
          ['file', 'annex.docx'],
        ],
      },
    ]);

    fireEvent.click(within(item).getByRole('button', { name: 'Delete contract-2026.pdf' }));
    expect(await screen.findByText('Delete “contract-2026.pdf”?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'contract-2026.pdf' })).toBeNull());
    expect(api.calls.some((call) => call.method === 'DELETE')).toBe(true);
  }, 30_000);

  it('refuses a file over 25 MB before sending it, and says clearly when the server refuses one', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => jsonResponse(200, { data: [] })).fetch));
    const sent: Sent[] = [];
    vi.stubGlobal(
      'XMLHttpRequest',
      fakeXhr(413, { type: 'about:blank', title: 'Too large', status: 413, code: 'payload_too_large', detail: 'Too large' }, sent),
    );
    await renderCard();
    expect(await screen.findByText('No documents yet.')).toBeTruthy();

    const huge = new File(['x'], 'scan.tiff');
    Object.defineProperty(huge, 'size', { value: 26 * 1024 * 1024 });
    fireEvent.change(fileInput(), { target: { files: [huge] } });
    expect((await screen.findByRole('alert')).textContent).toBe('“scan.tiff” is too large: files may be up to 25 MB.');
    expect(sent).toHaveLength(0);

    fireEvent.change(fileInput(), { target: { files: [new File(['x'], 'video.mp4')] } });
    expect(await screen.findByText('“video.mp4” is larger than this server accepts.')).toBeTruthy();
    expect(sent).toHaveLength(1);
  }, 30_000);
});
