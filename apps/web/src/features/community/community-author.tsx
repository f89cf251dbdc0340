import type { TCommunityAuthor } from '@clientela/contract';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "Alba, Aurora · 3 May 2026": who wrote a post (never their e-mail) and when, in the reader's language. */
export function CommunityByline({ author, createdAt, timeZone }: { author: TCommunityAuthor; createdAt: string; timeZone?: string }) {
  const { t } = useTranslation('community');
  const { locale } = useLocale();
  const name = author.companyName ? t('author.withCompany', { name: author.name, company: author.companyName }) : author.name;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {name}
      {author.staff && (
        <Tag color="blue" style={{ marginInlineStart: 6 }}>
          {t('author.staff')}
        </Tag>
      )}
      {' · '}
      {formatInstant(createdAt, locale, timeZone ?? browserTimeZone(), 'date')}
    </Typography.Text>
  );
}

/** Text as written, keeping its line breaks (posts are plain text). */
export function CommunityText({ text }: { text: string }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{text}</Typography.Paragraph>;
}
