import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithApp } from '../../test/render.tsx';
import { LoginForm } from './login-form.tsx';
import { safeNext } from './require-auth.tsx';

afterEach(() => vi.unstubAllGlobals());

describe('LoginForm', () => {
  it('renders labelled fields and asks for them when submitted empty', async () => {
    await renderWithApp(<LoginForm />);
    expect(screen.getByLabelText('E-mail')).toBeTruthy();
    expect(screen.getByLabelText('Password')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    // Each field shows its message as its own check ends: wait for both.
    await waitFor(() => expect(screen.getAllByText('Please fill in this field')).toHaveLength(2));
  });

  it('explains a wrong e-mail address', async () => {
    await renderWithApp(<LoginForm />);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'not-an-address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Enter a valid e-mail address/)).toBeTruthy();
  });

  it('shows the translated message of the error code', async () => {
    const problem = { type: 'about:blank', title: 'Unauthorized', status: 401, code: 'invalid_credentials', detail: 'Wrong' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse(401, problem, 'application/problem+json')),
    );
    await renderWithApp(<LoginForm />);
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'anna@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The e-mail or password is not right.')).toBeTruthy();
  });
});

describe('safeNext', () => {
  it('keeps paths of the app and refuses other sites', () => {
    expect(safeNext('/admin/users?q=x')).toBe('/admin/users?q=x');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
