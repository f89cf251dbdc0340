import { LikeFilled, LikeOutlined } from '@ant-design/icons';
import type { TPortalIdea } from '@clientela/contract';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { useVoteIdea } from './idea-api.ts';

/** The vote button of an idea: pressed when the customer voted, showing the count; a click toggles. */
export function PortalIdeaVote({ idea }: { idea: Pick<TPortalIdea, 'id' | 'title' | 'voted' | 'voteCount'> }) {
  const { t } = useTranslation('ideas');
  const { t: tCommon } = useTranslation();
  const { message } = App.useApp();
  const vote = useVoteIdea();
  return (
    <Button
      type={idea.voted ? 'primary' : 'default'}
      icon={idea.voted ? <LikeFilled /> : <LikeOutlined />}
      aria-pressed={idea.voted}
      aria-label={t(idea.voted ? 'portal.unvoteLabel' : 'portal.voteLabel', { title: idea.title })}
      loading={vote.isPending}
      onClick={() => vote.mutate({ id: idea.id, vote: !idea.voted }, { onError: (error) => message.error(errorMessage(tCommon, error)) })}
      style={{ minWidth: 64 }}
    >
      {idea.voteCount}
    </Button>
  );
}
