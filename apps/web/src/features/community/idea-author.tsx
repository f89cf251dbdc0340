import type { TIdeaAuthor } from '@clientela/contract';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Who wrote, for staff: a member of the team, or the customer's contact and company as links
 * when the reader may open them, else "another customer".
 */
export function IdeaAuthorName({ author }: { author: Pick<TIdeaAuthor, 'staff' | 'contact' | 'company' | 'readable'> }) {
  const { t } = useTranslation('ideas');
  if (author.staff) {
    return (
      <span>
        {author.staff.name}
        <Tag color="blue" style={{ marginInlineStart: 6 }}>
          {t('staffTag')}
        </Tag>
      </span>
    );
  }
  if (!author.readable) return <Typography.Text type="secondary">{t('anotherCustomer')}</Typography.Text>;
  return (
    <span>
      {author.contact && <Link to={`/contacts/${author.contact.id}`}>{author.contact.name}</Link>}
      {author.contact && author.company && ' · '}
      {author.company && <Link to={`/companies/${author.company.id}`}>{author.company.name}</Link>}
    </span>
  );
}
