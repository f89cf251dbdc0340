import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, testMe } from '../../test/render.tsx';
import { page } from '../duplicates/test-duplicates.ts';
import { TemplatesPage } from './templates-page.tsx';
import { aTemplate, renderMailings, TEMPLATE_ID } from './test-mailings.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('TemplatesPage', () => {
  it('lists the templates with their purpose, languages and last change, and filters by purpose', async () => {
    const birthday = aTemplate('00000000-0000-4000-8000-000000000702', 'Happy birthday', {
      purpose: 'birthday',
      languages: ['ru'],
      versions: { ru: { subject: 'С днём рождения', mjml: '<mjml></mjml>' } },
    });
    const { api } = await renderMailings(<TemplatesPage />, ({ url }) => {
      if (url === '/api/v1/templates') return jsonResponse(200, page([aTemplate(TEMPLATE_ID, 'Spring offers'), birthday]));
      if (url === '/api/v1/templates?purpose=birthday') return jsonResponse(200, page([birthday]));
      return undefined;
    });

    const row = (await screen.findByRole('link', { name: 'Spring offers' })).closest('tr') as HTMLElement;
    expect(screen.getByRole('link', { name: 'Spring offers' }).getAttribute('href')).toBe(`/templates/${TEMPLATE_ID}`);
    expect(row.textContent).toContain('Marketing');
    expect(row.textContent).toContain('English');
    expect(row.textContent).toContain('Italian');
    expect(row.textContent).toContain('20 Nov 2026, 16:30');
    expect(screen.getByRole('link', { name: /New template/ }).getAttribute('href')).toBe('/templates/new');

    fireEvent.click(screen.getByText('Birthday', { selector: '.ant-segmented-item-label' }));
    await waitFor(() => expect(api.calls.some((call) => call.url === '/api/v1/templates?purpose=birthday')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Spring offers' })).toBeNull());
    const other = screen.getByRole('link', { name: 'Happy birthday' }).closest('tr') as HTMLElement;
    expect(other.textContent).toContain('Russian');
  }, 30_000);

  it('offers no new template to employees, who only read them', async () => {
    await renderMailings(
      <TemplatesPage />,
      ({ url }) => (url === '/api/v1/templates' ? jsonResponse(200, page([aTemplate(TEMPLATE_ID, 'Spring offers')])) : undefined),
      '/',
      { ...testMe, role: 'employee' },
    );
    expect(await screen.findByRole('link', { name: 'Spring offers' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: /New template/ })).toBeNull();
  }, 30_000);
});
