import type { TIdeaStatus } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TIdeaStatus, string> = { new: 'default', under_review: 'gold', planned: 'blue', done: 'green', declined: 'red' };

/** Where an idea stands, as staff set it. */
export function IdeaStatusTag({ status }: { status: TIdeaStatus }) {
  const { t } = useTranslation('ideas');
  return <Tag color={COLOR[status]}>{t(`status.${status}`)}</Tag>;
}

/** Staff's public answer, shown under the idea. */
export function IdeaAnswer({ answer }: { answer: string | null }) {
  const { t } = useTranslation('ideas');
  if (!answer) return null;
  return (
    <div style={{ borderInlineStart: '3px solid #1677ff', paddingInlineStart: 10, margin: '6px 0' }} data-testid="idea-answer">
      <strong>{t('staffAnswer')}: </strong>
      <span style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{answer}</span>
    </div>
  );
}
