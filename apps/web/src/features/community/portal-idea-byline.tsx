import type { TPortalIdea } from '@clientela/contract';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/format.ts';
import { useLocale } from '../locale/locale-context.tsx';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** "Alba · Aurora · 3 May 2026": who wrote (never their e-mail) and when, in the reader's language. */
export function PortalIdeaByline({ author, createdAt }: { author: TPortalIdea['author']; createdAt: string }) {
  const { t } = useTranslation('ideas');
  const { locale } = useLocale();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {author.name}
      {author.staff && (
        <Tag color="blue" style={{ marginInlineStart: 6 }}>
          {t('staffTag')}
        </Tag>
      )}
      {' · '}
      {formatInstant(createdAt, locale, browserTimeZone(), 'date')}
    </Typography.Text>
  );
}
