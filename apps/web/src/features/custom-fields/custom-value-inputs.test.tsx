import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp, testMe } from '../../test/render.tsx';
import { CustomValueInputs } from './custom-value-inputs.tsx';
import { customField } from './test-fields.ts';

const card = customField('card', 'text', { label: 'Loyalty card', required: true });
const shop = customField('shop', 'link', { label: 'Shop page' });
const dayOff = customField('day_off', 'date', { label: 'Day off' });

function renderForm(onFinish: (values: unknown) => void, initial: Record<string, unknown> = {}) {
  return renderWithApp(
    <Form layout="vertical" onFinish={onFinish} initialValues={{ custom: initial }}>
      <CustomValueInputs fields={[card, shop, dayOff]} />
      <Button htmlType="submit">Submit</Button>
    </Form>,
    { me: testMe },
  );
}

describe('CustomValueInputs', () => {
  it('gives each field a labelled input bound to custom.<key>', async () => {
    const onFinish = vi.fn();
    await renderForm(onFinish, { day_off: '2025-08-15' });
    expect(screen.getByText('Additional fields')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Loyalty card/), { target: { value: 'A-123' } });
    // A stored day shows in the user's format and stays a plain `YYYY-MM-DD` in the form.
    expect((screen.getByLabelText('Day off') as HTMLInputElement).value).toBe('15/08/2025');
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onFinish).toHaveBeenCalled());
    expect(onFinish.mock.calls[0]?.[0]).toEqual({ custom: { card: 'A-123', shop: undefined, day_off: '2025-08-15' } });
  });

  it('asks for required fields and for web addresses that will be accepted', async () => {
    const onFinish = vi.fn();
    await renderForm(onFinish);
    fireEvent.change(screen.getByLabelText('Shop page'), { target: { value: 'forno rossi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByText('Please fill in this field')).toBeTruthy();
    expect(await screen.findByText('Enter a web address, like https://example.com')).toBeTruthy();
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('shows nothing when the records have no custom fields', async () => {
    await renderWithApp(
      <Form>
        <CustomValueInputs fields={[]} />
      </Form>,
      { me: testMe },
    );
    expect(screen.queryByText('Additional fields')).toBeNull();
  });
});
