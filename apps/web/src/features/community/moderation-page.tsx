import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header.tsx';
import { useModerationQueue } from './community-api.ts';
import { IdeasModeration } from './ideas-moderation.tsx';
import { ModerationQueueList } from './moderation-queue-list.tsx';

/** Staff: posts waiting for review (`/moderation`): questions and answers, and ideas. */
export function ModerationPage() {
  const { t } = useTranslation('community');
  const queue = useModerationQueue();
  const count = queue.data?.data.length;
  return (
    <>
      <PageHeader title={t('moderation.title')} subtitle={t('moderation.subtitle')} />
      <Tabs
        items={[
          {
            key: 'questions',
            label: count === undefined ? t('moderation.questionsTab') : t('moderation.questionsTabCount', { count }),
            children: <ModerationQueueList queue={queue} />,
          },
          { key: 'ideas', label: t('moderation.ideasTab'), children: <IdeasModeration /> },
        ]}
      />
    </>
  );
}
