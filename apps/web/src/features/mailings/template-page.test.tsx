import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api.ts';
import { jsonResponse } from '../../test/render.tsx';
import { TemplatePage } from './template-page.tsx';
import { problemsByLanguage } from './template-problems.ts';
import { aTemplate, renderMailings, TEMPLATE_ID } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

const page = (
  <Routes>
    <Route path="/templates/:id" element={<TemplatePage />} />
  </Routes>
);

const invalid = () =>
  jsonResponse(
    400,
    {
      type: 'about:blank',
      title: 'Bad request',
      status: 400,
      code: 'invalid_template',
      detail: 'The template cannot be compiled',
      errors: [
        { path: 'versions.it.mjml', message: 'Line 3: mj-column cannot be used inside mj-body, only inside: mj-section' },
        { path: 'versions.it.subject', message: 'The subject has a broken placeholder: Unclosed tag' },
      ],
    },
    'application/problem+json',
  );

describe('problemsByLanguage', () => {
  it('sorts a refused save’s problems by language and field, with the MJML line taken out of the message', () => {
    const error = new ApiError(400, 'invalid_template', 'x', [
      { path: 'versions.ru.mjml', message: 'Line 12: Attribute colour is illegal' },
      { path: 'versions.ru.subject', message: 'The subject uses an unescaped placeholder; use {{name}}' },
      { path: 'name', message: 'Required' },
    ]);
    expect(problemsByLanguage(error)).toEqual({
      ru: [
        { field: 'mjml', line: 12, message: 'Attribute colour is illegal' },
        { field: 'subject', line: null, message: 'The subject uses an unescaped placeholder; use {{name}}' },
      ],
    });
    expect(problemsByLanguage(new Error('offline'))).toEqual({});
  });
});

describe('TemplatePage', () => {
  it('previews the saved template in a sandboxed frame, as a chosen width, and inserts merge fields at the cursor', async () => {
    const { api } = await renderMailings(
      page,
      ({ method, url }) => {
        if (method === 'GET' && url === `/api/v1/templates/${TEMPLATE_ID}`)
          return jsonResponse(200, aTemplate(TEMPLATE_ID, 'Spring offers'));
        if (method === 'POST' && url === `/api/v1/templates/${TEMPLATE_ID}/preview`)
          return jsonResponse(200, { language: 'en', subject: 'Spring offers, Maria', html: '<p>Hello Maria</p>', text: 'Hello Maria' });
        return undefined;
      },
      `/templates/${TEMPLATE_ID}`,
    );

    // The first page of the run loads the editor's code and messages lazily: slow on a busy machine.
    const frame = (await screen.findByTitle('Preview of the letter', {}, { timeout: 20_000 })) as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hello Maria</p>');
    expect(screen.getByText('Spring offers, Maria')).toBeTruthy();
    expect(api.calls.find((call) => call.url.endsWith('/preview'))?.body).toEqual({ language: 'en' });
    expect(frame.style.width).toBe('100%');
    fireEvent.click(screen.getByText('Phone'));
    await waitFor(() => expect(frame.style.width).toBe('375px'));

    const subject = screen.getByRole('textbox', { name: 'Subject' }) as HTMLInputElement;
    subject.setSelectionRange(7, 7);
    fireEvent.select(subject);
    fireEvent.click(screen.getByRole('button', { name: '{{company}}' }));
    expect(subject.value).toBe('Spring {{company}}offers, {{first_name}}');
    expect(screen.getByText('The preview shows the saved version: save to see your changes.')).toBeTruthy();

    const body = screen.getByRole('textbox', { name: 'Body (MJML)' }) as HTMLTextAreaElement;
    body.setSelectionRange(0, 0);
    fireEvent.select(body);
    fireEvent.click(screen.getByRole('button', { name: '{{manager}}' }));
    expect(body.value.startsWith('{{manager}}<mjml>')).toBe(true);
  }, 30_000);

  it('shows the server’s problems in the tab of their language, with the MJML line, and saves every version', async () => {
    const { api } = await renderMailings(
      page,
      ({ method, url }) => {
        if (method === 'GET' && url === `/api/v1/templates/${TEMPLATE_ID}`)
          return jsonResponse(200, aTemplate(TEMPLATE_ID, 'Spring offers'));
        if (method === 'POST' && url.endsWith('/preview'))
          return jsonResponse(200, { language: 'en', subject: 'S', html: '<p>x</p>', text: 'x' });
        if (method === 'PATCH' && url === `/api/v1/templates/${TEMPLATE_ID}`) return invalid();
        return undefined;
      },
      `/templates/${TEMPLATE_ID}`,
    );

    fireEvent.change(await screen.findByRole('textbox', { name: 'Name' }), { target: { value: 'Spring offers 2027' } });
    fireEvent.click(screen.getByRole('button', { name: /Save/ }));

    const alert = await screen.findByText('The server found 2 problems in this version');
    const panel = alert.closest('[role="tabpanel"]') as HTMLElement;
    expect(panel.id).toContain('it');
    expect(within(panel).getByText('Line 3')).toBeTruthy();
    expect(within(panel).getByText('mj-column cannot be used inside mj-body, only inside: mj-section')).toBeTruthy();
    expect(within(panel).getByText('The subject has a broken placeholder: Unclosed tag')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Italian (2)' })).toBeTruthy();

    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({
      name: 'Spring offers 2027',
      purpose: 'marketing',
      versions: aTemplate(TEMPLATE_ID, 'x').versions,
    });
  }, 30_000);

  it('starts a new template from an MJML skeleton in the user’s language and creates it', async () => {
    const created = aTemplate(TEMPLATE_ID, 'Welcome', { versions: {}, languages: ['en'] });
    const { api } = await renderMailings(
      page,
      ({ method, url }) => {
        if (method === 'POST' && url === '/api/v1/templates') return jsonResponse(201, created);
        if (method === 'GET' && url === `/api/v1/templates/${TEMPLATE_ID}`) return jsonResponse(200, created);
        return undefined;
      },
      '/templates/new',
    );
    const body = (await screen.findByRole('textbox', { name: 'Body (MJML)' })) as HTMLTextAreaElement;
    expect(body.value).toContain('<mjml lang="en">');
    expect(body.value).toContain('{{unsubscribe_url}}');
    expect(screen.getByText('Save the template to see its preview')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Welcome' } });
    fireEvent.click(screen.getByRole('button', { name: /Save/ }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST' && call.url === '/api/v1/templates')).toBe(true));
    const post = api.calls.find((call) => call.method === 'POST' && call.url === '/api/v1/templates');
    expect(post?.body).toMatchObject({
      name: 'Welcome',
      purpose: 'marketing',
      versions: { en: { subject: 'News from us, {{first_name}}' } },
    });
  }, 30_000);
});
