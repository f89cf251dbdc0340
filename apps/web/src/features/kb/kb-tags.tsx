import { GlobalOutlined, LockOutlined } from '@ant-design/icons';
import type { TKbArticleSummary } from '@clientela/contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Whether customers may read the article too. */
export function AudienceTag({ audience }: { audience: TKbArticleSummary['audience'] }) {
  const { t } = useTranslation('kb');
  return audience === 'public' ? (
    <Tag color="green" icon={<GlobalOutlined />}>
      {t('audience.public')}
    </Tag>
  ) : (
    <Tag icon={<LockOutlined />}>{t('audience.internal')}</Tag>
  );
}

/** Drafts and archived articles stand out; published ones need no badge. */
export function StatusTag({ status }: { status: TKbArticleSummary['status'] }) {
  const { t } = useTranslation('kb');
  if (status === 'published') return null;
  return <Tag color={status === 'draft' ? 'gold' : 'default'}>{t(`status.${status}`)}</Tag>;
}

/** The article's language, by its code. */
export function LanguageTag({ language }: { language: TKbArticleSummary['language'] }) {
  const { t } = useTranslation('kb');
  return (
    <Tag title={t(`language.${language}`)} lang={language}>
      {language.toUpperCase()}
    </Tag>
  );
}
