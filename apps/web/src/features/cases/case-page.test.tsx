import type { TCase, TCaseStatus } from '@clientela/contract';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { Route, Routes } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCaseMessages } from '../../lib/case-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { loadRolesMessages } from '../../lib/roles-messages.ts';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { fakeApi, page } from '../duplicates/test-duplicates.ts';
import { CaseActionBar } from './case-action-bar.tsx';
import { caseActions } from './case-actions.ts';
import { ReplyEditor } from './case-conversation.tsx';
import { CasePage } from './case-page.tsx';
import { toHandoverInput } from './case-payload.ts';
import { HandoverModal } from './handover-modal.tsx';
import { aCase, SERVICE } from './test-cases.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCaseMessages();
  await loadRolesMessages();
});
afterEach(() => vi.unstubAllGlobals());

const CASE_ID = '00000000-0000-4000-8000-000000000901';
const ARTICLE = {
  id: '00000000-0000-4000-8000-000000000701',
  title: 'Cracks in plasterboard after storage',
  answer: 'Plasterboard must be stored flat and dry; cracks from upright storage are not a manufacturing defect.',
  category: null,
  language: 'en',
  audience: 'internal',
  status: 'published',
  tags: [],
  version: 1,
  helpfulYes: 0,
  helpfulNo: 0,
  useCount: 3,
  updatedAt: '2026-12-01T09:00:00.000Z',
  headline: null,
};

describe('case moves', () => {
  it('follow the allowed transitions of each status, and none for who may not change the case', () => {
    const mine = { mayChange: true, owner: { id: 'a', name: 'Anna Rossi' }, handover: null };
    const moves = (status: TCaseStatus) => caseActions({ status, ...mine });
    expect(moves('new')).toEqual(['start', 'resolve']);
    expect(moves('assigned')).toEqual(['start', 'resolve']);
    expect(moves('in_progress')).toEqual(['waitCustomer', 'resolve']);
    expect(moves('waiting_customer')).toEqual(['resume', 'resolve']);
    expect(moves('waiting_unit')).toEqual([]);
    expect(moves('reopened')).toEqual(['start', 'resolve']);
    expect(moves('resolved')).toEqual(['close', 'reopen']);
    expect(moves('closed')).toEqual(['reopen']);
    expect(caseActions({ status: 'in_progress', ...mine, mayChange: false })).toEqual([]);
    // Nobody has taken it from the queue yet, or a hand-over waits: no move until then.
    expect(caseActions({ status: 'new', ...mine, owner: null })).toEqual([]);
    expect(caseActions({ status: 'waiting_unit', ...mine, handover: { taskId: 't', unit: null, assignee: null, status: 'sent' } })).toEqual(
      [],
    );
  });

  it('shows the buttons of the status, and resolving a complaint asks the verdict and the resolution', async () => {
    const record = aCase(CASE_ID, 'Plasterboard sheets cracked');
    const api = fakeApi(({ method, url }) => {
      if (method === 'POST' && url === `/api/v1/cases/${CASE_ID}/transitions`)
        return jsonResponse(200, { ...record, status: 'resolved', verdict: 'unfounded' });
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <CaseActionBar record={record} />
      </App>,
      { me: testMe },
    );
    const bar = screen.getByTestId('case-actions');
    expect(
      within(bar)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Wait for customer', 'Resolve', 'Hand over']);

    fireEvent.click(within(bar).getByRole('button', { name: /Resolve/ }));
    const form = await screen.findByRole('form', { name: 'Resolve the case' });
    fireEvent.click(screen.getAllByRole('button', { name: 'Resolve' }).at(-1) as HTMLElement);
    expect(await screen.findByText('Say whether the complaint was founded')).toBeTruthy();
    expect(await screen.findByText('Describe how the case was resolved')).toBeTruthy();

    fireEvent.click(within(form).getByRole('radio', { name: 'Unfounded' }));
    fireEvent.change(within(form).getByLabelText('Reason for the verdict'), { target: { value: 'Stored upright in the rain' } });
    fireEvent.change(within(form).getByLabelText('Resolution'), { target: { value: ' Explained how to store the sheets ' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Resolve' }).at(-1) as HTMLElement);
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      to: 'resolved',
      verdict: 'unfounded',
      verdictReason: 'Stored upright in the rain',
      resolution: 'Explained how to store the sheets',
    });
  }, 30_000);

  it('offers "Take it" for an unowned case in the reader’s unit, and "Turn into an article" once resolved', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => undefined).fetch));
    await renderWithApp(
      <App>
        <CaseActionBar record={aCase(CASE_ID, 'Waiting in the queue', { owner: null, unit: SERVICE, status: 'new', mayChange: false })} />
        <CaseActionBar record={aCase(CASE_ID, 'Done', { status: 'resolved' })} />
      </App>,
      { me: { ...testMe, role: 'employee', unitId: SERVICE.id } },
    );
    const [queued, resolved] = screen.getAllByTestId('case-actions') as [HTMLElement, HTMLElement];
    expect(
      within(queued)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Take it']);
    expect(
      within(resolved)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Close', 'Reopen', 'Turn into an article']);
  }, 30_000);
});

/** Opens `/cases/:id` on a server that knows only the case (and its shares, none yet). */
async function openCasePage(record: TCase, me = testMe) {
  const api = fakeApi(({ method, url }) => {
    if (method === 'GET' && url === `/api/v1/cases/${record.id}`) return jsonResponse(200, record);
    if (method === 'GET' && url === `/api/v1/record-shares?entity=cases&recordId=${record.id}`) return jsonResponse(200, { data: [] });
    if (method === 'GET' && (url === '/api/v1/units' || url.startsWith('/api/v1/users'))) return jsonResponse(200, page([]));
    return undefined;
  });
  vi.stubGlobal('fetch', vi.fn(api.fetch));
  await renderWithApp(
    <App>
      <Routes>
        <Route path="/cases/:id" element={<CasePage />} />
      </Routes>
    </App>,
    { me, path: `/cases/${record.id}` },
  );
  await screen.findByRole('heading', { name: record.subject });
  return api;
}

describe('CasePage', () => {
  it('offers "Share" beside the case’s moves to who may change the case, and opens its shares', async () => {
    const api = await openCasePage(aCase(CASE_ID, 'Plasterboard sheets cracked'));
    // Beside the moves: in the header's row of actions, not somewhere down the page.
    const actions = screen.getByTestId('case-actions').parentElement as HTMLElement;
    fireEvent.click(await within(actions).findByRole('button', { name: /Share/ }));
    // Found by its title: in tests every element's generated id is the same, so the page's other labels would name the dialog.
    const title = await screen.findByText('Share “C-2026-00001 · Plasterboard sheets cracked”', undefined, { timeout: 10_000 });
    const dialog = title.closest('[role="dialog"]') as HTMLElement;
    expect(await within(dialog).findByText('Not shared with anyone yet.')).toBeTruthy();
    expect(api.calls.map((call) => call.url)).toContain(`/api/v1/record-shares?entity=cases&recordId=${CASE_ID}`);
  }, 30_000);

  it('offers no "Share" to a reader who may not change the case', async () => {
    await openCasePage(aCase(CASE_ID, 'Someone else’s complaint', { owner: { id: 'b', name: 'Bea Neri' }, mayChange: false }), {
      ...testMe,
      role: 'employee',
    });
    expect(screen.getByTestId('case-details')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Share/ })).toBeNull();
  }, 30_000);
});

describe('ReplyEditor', () => {
  it('tells a reader who may not see the contact that an e-mailed reply still reaches them', async () => {
    vi.stubGlobal('fetch', vi.fn(fakeApi(() => undefined).fetch));
    await renderWithApp(
      <App>
        <ReplyEditor record={aCase(CASE_ID, 'Hidden contact', { contact: null, customerEmail: true, channel: 'email', mayChange: true })} />
      </App>,
      { me: testMe },
    );
    expect(await screen.findByText("The reply is e-mailed to the case's contact.")).toBeTruthy();
  }, 30_000);

  it('inserts a knowledge-base answer into the reply and sends the article’s id with it', async () => {
    const record = aCase(CASE_ID, 'Plasterboard sheets cracked');
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url.startsWith('/api/v1/kb-articles?'))
        return jsonResponse(200, { ...page([ARTICLE]), correctedQuery: null });
      if (method === 'POST' && url === `/api/v1/cases/${CASE_ID}/messages`) return jsonResponse(201, record);
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    await renderWithApp(
      <App>
        <ReplyEditor record={record} />
      </App>,
      { me: testMe },
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Good morning,' } });
    fireEvent.click(screen.getByRole('button', { name: /Insert from knowledge base/ }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Search the knowledge base' }), { target: { value: 'cracks' } });
    // The search runs once typing rests; the article is inserted from its results, not from an earlier list.
    await waitFor(() =>
      expect(api.calls.map((call) => call.url)).toContain('/api/v1/kb-articles?q=cracks&limit=10&filter%5Bstatus%5D=published'),
    );
    fireEvent.click(await screen.findByRole('button', { name: `Insert “${ARTICLE.title}”` }));

    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe(`Good morning,\n\n${ARTICLE.answer}`),
    );
    // The search closes and the reply shows the article it carries (once the closing has ended on a busy machine).
    await waitFor(() => expect(screen.getAllByText(ARTICLE.title)).toHaveLength(1), { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: /Send reply/ }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      kind: 'reply',
      channel: 'phone',
      body: `Good morning,\n\n${ARTICLE.answer}`,
      articleIds: [ARTICLE.id],
    });
  }, 30_000);
});

describe('HandoverModal', () => {
  it('builds the hand-over from the unit, the person and the note', () => {
    expect(toHandoverInput({ unitId: SERVICE.id, assigneeId: null, note: '  ' })).toEqual({ unitId: SERVICE.id });
    expect(toHandoverInput({ unitId: SERVICE.id, assigneeId: 'p1', note: ' Please check stock ' })).toEqual({
      unitId: SERVICE.id,
      assigneeId: 'p1',
      note: 'Please check stock',
    });
  });

  it('asks for a unit or a person, then hands the case to the chosen unit with the note', async () => {
    const service = { ...SERVICE, parentId: null, memberCount: 3, createdAt: '2024-01-01T00:00:00.000Z' };
    const api = fakeApi(({ method, url }) => {
      if (method === 'GET' && url === '/api/v1/units') return jsonResponse(200, page([service]));
      if (method === 'GET' && url.startsWith('/api/v1/users')) return jsonResponse(200, page([]));
      if (method === 'POST' && url === `/api/v1/cases/${CASE_ID}/handover`)
        return jsonResponse(200, aCase(CASE_ID, 'Plasterboard', { status: 'waiting_unit' }));
      return undefined;
    });
    vi.stubGlobal('fetch', vi.fn(api.fetch));
    const onClose = vi.fn();
    await renderWithApp(
      <App>
        <HandoverModal caseId={CASE_ID} open onClose={onClose} />
      </App>,
      { me: testMe },
    );
    await screen.findByRole('form', { name: 'Hand over to another unit' });
    fireEvent.click(screen.getByRole('button', { name: 'Hand over' }));
    expect(await screen.findByText('Choose a unit or a person')).toBeTruthy();

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Unit' }));
    fireEvent.click(await screen.findByTitle('Service'));
    fireEvent.change(screen.getByLabelText('Note'), { target: { value: 'Please check the batch ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hand over' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({ unitId: SERVICE.id, note: 'Please check the batch' });
  }, 30_000);
});
