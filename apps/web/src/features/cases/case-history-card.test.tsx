import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCaseMessages } from '../../lib/case-messages.ts';
import { initI18n } from '../../lib/i18n.ts';
import { renderWithApp, testMe } from '../../test/render.tsx';
import { CaseHistoryCard } from './case-history-card.tsx';
import { ANNA } from './test-cases.ts';

beforeAll(async () => {
  await initI18n('en');
  await loadCaseMessages();
});

describe('CaseHistoryCard', () => {
  it('tells each change in words, newest first: statuses translated, people changed, bookkeeping left out', async () => {
    await renderWithApp(
      <CaseHistoryCard
        history={[
          { at: '2026-12-07T09:00:00.000Z', actor: ANNA, action: 'created', changes: [] },
          {
            at: '2026-12-07T10:00:00.000Z',
            actor: ANNA,
            action: 'updated',
            changes: [
              { field: 'status', old: 'in_progress', new: 'resolved' },
              { field: 'ownerId', old: '00000000-0000-4000-8000-000000000001', new: '00000000-0000-4000-8000-000000000009' },
              { field: 'verdict', old: null, new: 'unfounded' },
              { field: 'handoverTaskId', old: null, new: '00000000-0000-4000-8000-000000000777' },
              { field: 'note', old: null, new: 'Checked the photos' },
            ],
          },
        ]}
      />,
      { me: testMe },
    );
    const events = await screen.findAllByTestId('case-event');
    expect(events[0]?.textContent).toContain('Anna Rossi changed the case');
    expect(events[0]?.textContent).toContain('Status: In progress → Resolved');
    expect(events[0]?.textContent).toContain('Responsible changed');
    expect(events[0]?.textContent).toContain('Verdict: — → Unfounded');
    expect(events[0]?.textContent).toContain('Checked the photos');
    expect(events[0]?.textContent).not.toContain('00000000');
    expect(events[1]?.textContent).toContain('Anna Rossi registered the case');
  });
});
