import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIdeaActions } from './idea-api.ts';

/** Approve / Hide / Show again for an idea or a comment on one, for those who moderate. */
export function IdeaReviewButtons({
  kind,
  id,
  hidden,
  reviewed,
}: {
  kind: 'idea' | 'comment';
  id: string;
  hidden: boolean;
  reviewed: boolean;
}) {
  const { t } = useTranslation('ideas');
  const { reviewIdea, reviewComment } = useIdeaActions();
  const review = kind === 'idea' ? reviewIdea : reviewComment;
  const busy = review.isPending && review.variables?.id === id;
  const send = (hide: boolean) => review.mutate({ id, hidden: hide });
  return (
    <Space size={4} wrap>
      {!reviewed && !hidden && (
        <Button size="small" loading={busy} onClick={() => send(false)}>
          {t('staff.approve')}
        </Button>
      )}
      {hidden ? (
        <Button size="small" loading={busy} onClick={() => send(false)}>
          {t('staff.show')}
        </Button>
      ) : (
        <Button size="small" danger loading={busy} onClick={() => send(true)}>
          {t('staff.hide')}
        </Button>
      )}
    </Space>
  );
}
