import type { TStaffCommunityQuestionSummary } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where a question stands, for staff: solved, in the knowledge base, hidden, waiting for review. */
export function QuestionStatusTags({
  question,
}: {
  question: Pick<TStaffCommunityQuestionSummary, 'accepted' | 'promoted' | 'hidden' | 'reviewedAt'>;
}) {
  const { t } = useTranslation('community');
  return (
    <>
      {question.accepted && <Tag color="green">{t('status.accepted')}</Tag>}
      {question.promoted && <Tag color="purple">{t('status.promoted')}</Tag>}
      {question.hidden && <Tag color="red">{t('status.hidden')}</Tag>}
      {!question.reviewedAt && <Tag color="gold">{t('status.unreviewed')}</Tag>}
    </>
  );
}
