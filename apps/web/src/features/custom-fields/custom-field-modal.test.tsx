import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp, testMe } from '../../test/render.tsx';
import { CustomFieldModal } from './custom-field-modal.tsx';

afterEach(() => vi.unstubAllGlobals());

function renderModal() {
  return renderWithApp(
    <App>
      <CustomFieldModal open entity="contact" fields={[]} onClose={() => undefined} />
    </App>,
    { me: testMe },
  );
}

const keyInput = () => screen.getByLabelText('Key') as HTMLInputElement;

describe('CustomFieldModal', () => {
  it('suggests the key from the name until the admin types one', async () => {
    await renderModal();
    fireEvent.change(screen.getByLabelText('Name of the field'), { target: { value: 'Любимый хлеб' } });
    expect(keyInput().value).toBe('lyubimyy_khleb');
    fireEvent.change(keyInput(), { target: { value: 'bread' } });
    fireEvent.change(screen.getByLabelText('Name of the field'), { target: { value: 'Pane preferito' } });
    expect(keyInput().value).toBe('bread');
  });

  it('says a taken key next to the key, in the user’s language', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      code: 'conflict',
      detail: 'A field with this key exists',
      errors: [{ path: 'key', message: 'Already in use' }],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(409, problem, 'application/problem+json')),
    );
    await renderModal();
    fireEvent.change(screen.getByLabelText('Name of the field'), { target: { value: 'Preferred bread' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Another field already uses this key')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/Someone else changed this/)).toBeNull());
    expect(screen.queryByText('Already in use')).toBeNull();
  });
});
